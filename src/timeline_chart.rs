//! A timeline of the dispute as SVG: agreements, events, and each party's positions as
//! bands over time.
//!
//! The years before 1945 hold four treaties and little else, so the axis compresses
//! them: they take a fifth of the width, and the scale changes, visibly marked, at
//! [`BREAK_YEAR`]. Each party's positions form a band: a stance runs from the date it
//! was stated to the holder's next statement (the last to the end of the axis), coloured
//! by what the formula it names would give Japan ([`BandClass`]) and labelled with the
//! formula's name where the band is wide enough. A state's predecessors share its row
//! (the Soviet Union's positions are on Russia's).
//!
//! Below the positions, one row per island shows who *administered* it
//! ([`AdministrationRow`]): each [`AdministrationPeriod`] of the data is a band coloured
//! by [`AdministrationClass`] — Japan's administration, the Soviet Union's and then
//! Russia's, and the months Soviet forces held the islands before incorporating them.
//! Who governed an island is a fact with a source; the rows say nothing of whose it is.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::administration::{AdministrationKind, AdministrationPeriod};
use crate::allocation::{IslandAllocation, IslandHolder};
use crate::dataset::Dataset;
use crate::formula::FormulaId;
use crate::id::PartyId;
use crate::island::Island;
use crate::map::{Frame, Rgb, holder_colour};
use crate::position::Position;
use crate::svg::{Anchor, Svg, ellipsize, esc, text_width};

/// The year at which the axis changes scale: the years before take a fifth of the width.
pub const BREAK_YEAR: i32 = 1945;

/// What a position's formula would give Japan, as its band is coloured.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId};
/// use kuril_dispute::timeline_chart::BandClass;
///
/// let data = Dataset::builtin();
/// assert_eq!(BandClass::of(data, Some(FormulaId::FourIslands)), BandClass::AllToJapan);
/// assert_eq!(BandClass::of(data, Some(FormulaId::TwoIslands1956)), BandClass::SomeToJapan);
/// assert_eq!(BandClass::of(data, Some(FormulaId::StatusQuo)), BandClass::NoneMoves);
/// assert_eq!(BandClass::of(data, Some(FormulaId::Hikiwake)), BandClass::LeftOpen);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum BandClass {
    /// The formula gives Japan all four islands.
    AllToJapan,
    /// The formula gives Japan some islands, or part of the area.
    SomeToJapan,
    /// The formula moves no island.
    NoneMoves,
    /// The formula moves no island and leaves some to later talks.
    LeftOpen,
    /// The position names no formula (a constraint only).
    NoFormula,
}

impl BandClass {
    /// Every value, in the order of declaration (5).
    pub const ALL: [BandClass; 5] = [
        BandClass::AllToJapan,
        BandClass::SomeToJapan,
        BandClass::NoneMoves,
        BandClass::LeftOpen,
        BandClass::NoFormula,
    ];
}

impl BandClass {
    /// The class of a position's formula.
    pub fn of(data: &Dataset, formula: Option<FormulaId>) -> BandClass {
        let Some(id) = formula else { return BandClass::NoFormula };
        let allocations = IslandAllocation::of_formula(data, data.formula(id));
        let japan = |a: &IslandAllocation| a.parts.iter().any(|p| p.holder == IslandHolder::Japan);
        if allocations.iter().all(|a| a.holder() == Some(IslandHolder::Japan)) {
            BandClass::AllToJapan
        } else if allocations.iter().any(japan) {
            BandClass::SomeToJapan
        } else if allocations.iter().any(|a| a.holder() == Some(IslandHolder::Undecided)) {
            BandClass::LeftOpen
        } else {
            BandClass::NoneMoves
        }
    }

    /// The band colour (Okabe–Ito, matching the maps: Japan blue, Russia orange, open
    /// yellow).
    pub fn colour(self) -> Rgb {
        match self {
            BandClass::AllToJapan => holder_colour(IslandHolder::Japan),
            BandClass::SomeToJapan => Rgb { r: 0x56, g: 0xB4, b: 0xE9 },
            BandClass::NoneMoves => holder_colour(IslandHolder::Russia),
            BandClass::LeftOpen => holder_colour(IslandHolder::Undecided),
            BandClass::NoFormula => Rgb { r: 0xBB, g: 0xBB, b: 0xBB },
        }
    }

    /// A legend text.
    pub fn describe(self) -> &'static str {
        match self {
            BandClass::AllToJapan => "formula gives Japan all four islands",
            BandClass::SomeToJapan => "formula gives Japan some islands or part of the area",
            BandClass::NoneMoves => "formula moves no island",
            BandClass::LeftOpen => "territory left to later talks",
            BandClass::NoFormula => "no formula named",
        }
    }

    fn ink(self) -> &'static str {
        if self == BandClass::AllToJapan { "#ffffff" } else { "#222222" }
    }
}

/// One stretch of a party's band: a position, from when it was stated to the next.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Band<'a> {
    /// The position.
    pub position: &'a Position,
    /// The first day.
    pub from: NaiveDate,
    /// The day the next position was stated (or the end of the axis).
    pub to: NaiveDate,
    /// The colour class.
    pub class: BandClass,
}

/// A row of bands: one party and the states it continues.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Row<'a> {
    /// The party (the newest state of its lineage).
    pub party: PartyId,
    /// The row's label.
    pub label: String,
    /// A second label line naming the predecessors, if any.
    pub note: Option<String>,
    /// The stretches, by date.
    pub bands: Vec<Band<'a>>,
    /// Where the row is drawn.
    pub frame: Frame,
}

/// Who administered an island during a period, as its band is coloured.
///
/// ```
/// use kuril_dispute::{Dataset, Island};
/// use kuril_dispute::timeline_chart::AdministrationClass;
///
/// let data = Dataset::builtin();
/// let classes: Vec<_> = data
///     .administration_of(Island::Kunashir)
///     .map(|p| AdministrationClass::of(data, p))
///     .collect();
/// assert_eq!(
///     classes,
///     [
///         AdministrationClass::Japan,
///         AdministrationClass::Military,
///         AdministrationClass::SovietUnionOrRussia,
///         AdministrationClass::SovietUnionOrRussia,
///     ]
/// );
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum AdministrationClass {
    /// Civil administration by Japan.
    Japan,
    /// Civil administration by Russia or a state it continues (the Soviet Union).
    SovietUnionOrRussia,
    /// Held by a state's armed forces, before civil incorporation.
    Military,
    /// Civil administration by any other state.
    Other,
}

impl AdministrationClass {
    /// Every value, in the order of declaration (4).
    pub const ALL: [AdministrationClass; 4] = [
        AdministrationClass::Japan,
        AdministrationClass::SovietUnionOrRussia,
        AdministrationClass::Military,
        AdministrationClass::Other,
    ];
}

impl AdministrationClass {
    /// The class of a period: its kind, then its administrator's lineage.
    pub fn of(data: &Dataset, period: &AdministrationPeriod) -> AdministrationClass {
        if period.kind == AdministrationKind::Military {
            return AdministrationClass::Military;
        }
        let lineage_of = |p: &PartyId| data.lineage(p).into_iter().any(|q| q.id == period.administrator);
        if period.administrator == PartyId::JAPAN {
            AdministrationClass::Japan
        } else if lineage_of(&PartyId::RUSSIA) {
            AdministrationClass::SovietUnionOrRussia
        } else {
            AdministrationClass::Other
        }
    }

    /// The band colour (Okabe–Ito, matching the maps: Japan blue, Russia orange; the
    /// months under armed forces vermillion).
    pub fn colour(self) -> Rgb {
        match self {
            AdministrationClass::Japan => holder_colour(IslandHolder::Japan),
            AdministrationClass::SovietUnionOrRussia => holder_colour(IslandHolder::Russia),
            AdministrationClass::Military => Rgb { r: 0xD5, g: 0x5E, b: 0x00 },
            AdministrationClass::Other => Rgb { r: 0xBB, g: 0xBB, b: 0xBB },
        }
    }

    /// A legend text.
    pub fn describe(self) -> &'static str {
        match self {
            AdministrationClass::Japan => "administered by Japan",
            AdministrationClass::SovietUnionOrRussia => "administered by the Soviet Union, then Russia",
            AdministrationClass::Military => "held by armed forces, before civil incorporation",
            AdministrationClass::Other => "administered by another state",
        }
    }

    fn ink(self) -> &'static str {
        if self == AdministrationClass::Japan || self == AdministrationClass::Military {
            "#ffffff"
        } else {
            "#222222"
        }
    }
}

/// One stretch of an island's administration row: a period, clipped to the axis.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AdministrationBand<'a> {
    /// The period.
    pub period: &'a AdministrationPeriod,
    /// The first day drawn.
    pub from: NaiveDate,
    /// The day the period ended (or the end of the axis).
    pub to: NaiveDate,
    /// The colour class.
    pub class: AdministrationClass,
}

/// One island's administration history, as a row of bands.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AdministrationRow<'a> {
    /// The island.
    pub island: Island,
    /// The row's label (the island's English name).
    pub label: String,
    /// The periods, by date.
    pub bands: Vec<AdministrationBand<'a>>,
    /// Where the row is drawn.
    pub frame: Frame,
}

/// The timeline: its axis, rows and labels, laid out; [`TimelineChart::to_svg`] draws it.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId};
/// use kuril_dispute::timeline_chart::TimelineChart;
///
/// let t = TimelineChart::new(Dataset::builtin());
/// assert_eq!(t.first_year(), 1855);
/// assert!(t.rows().iter().any(|r| r.party == PartyId::RUSSIA));
/// let svg = t.to_svg();
/// assert!(svg.contains("Treaty of Shimoda"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart<'a> {
    data: &'a Dataset,
    first_year: i32,
    end: NaiveDate,
    rows: Vec<Row<'a>>,
    administration: Vec<AdministrationRow<'a>>,
    administration_y: f64,
    agreements: Vec<Label>,
    events: Vec<Label>,
    axis_y: f64,
    events_y: f64,
    height: f64,
}

/// A dated label placed in a lane.
#[derive(Debug, Clone, PartialEq)]
struct Label {
    x: f64,
    text: String,
    tooltip: String,
    lane: Option<usize>,
    anchor_end: bool,
}

const WIDTH: f64 = 1600.0;
const LEFT: f64 = 190.0;
const RIGHT: f64 = 1570.0;
const LANE: f64 = 15.0;
const ROW_H: f64 = 30.0;
const ROW_GAP: f64 = 14.0;
const MAX_EVENT_LANES: usize = 12;
const ADMIN_ROW_H: f64 = 20.0;
const ADMIN_ROW_GAP: f64 = 6.0;
const INK: &str = r##"fill="#222222""##;
const MUTED: &str = r##"fill="#555555""##;
const BOLD: &str = r##"fill="#222222" font-weight="bold""##;
const HALO: &str = r##"fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke""##;

impl<'a> TimelineChart<'a> {
    /// Lays out the timeline of `data`: from the year of the earliest date to the end
    /// of the year of the latest.
    pub fn new(data: &'a Dataset) -> TimelineChart<'a> {
        let dates = data
            .agreements()
            .map(|a| a.signed)
            .chain(data.events().map(|e| e.date))
            .chain(data.positions().map(|p| p.stated));
        let (first, last) =
            dates.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d.year()), hi.max(d.year())));
        let (first_year, last_year) =
            if first <= last { (first, last) } else { (BREAK_YEAR, BREAK_YEAR + 1) };
        let end = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or(NaiveDate::MAX);
        let mut t = TimelineChart {
            data,
            first_year,
            end,
            rows: Vec::new(),
            administration: Vec::new(),
            administration_y: 0.0,
            agreements: Vec::new(),
            events: Vec::new(),
            axis_y: 0.0,
            events_y: 0.0,
            height: 0.0,
        };
        // Agreements, in lanes above the axis.
        let mut agreements: Vec<Label> = data
            .agreements()
            .map(|a| Label {
                x: t.x_of(a.signed.first_day()),
                text: {
                    let (year, short) = (a.signed.year().to_string(), short_name(&a.name, &a.aliases));
                    if short.contains(&year) { short } else { format!("{year} {short}") }
                },
                tooltip: format!("{} — {} ({})", a.signed, a.name, a.id),
                lane: None,
                anchor_end: false,
            })
            .collect();
        let agreement_lanes = place(&mut agreements, 11.0, usize::MAX);
        t.agreements = agreements;
        t.axis_y = 100.0 + agreement_lanes as f64 * LANE + 10.0;
        // Rows of positions.
        let mut y = t.axis_y + 34.0;
        t.rows = t.build_rows(&mut y);
        // Rows of administration, one per island that has any.
        if data.administration().len() > 0 {
            t.administration_y = y + 8.0;
            y = t.administration_y + 22.0;
            t.administration = t.build_administration_rows(&mut y);
        }
        // Events, ticks and lanes below the rows.
        t.events_y = y + 12.0;
        let mut events: Vec<Label> = data
            .events()
            .map(|e| {
                let slug = e.id.as_str().split('-').skip_while(|w| w.chars().all(|c| c.is_ascii_digit()));
                Label {
                    x: t.x_of(e.date.first_day()),
                    text: slug.collect::<Vec<_>>().join(" "),
                    tooltip: format!("{} ({}): {}", e.date, e.kind, e.summary),
                    lane: None,
                    anchor_end: false,
                }
            })
            .collect();
        let event_lanes = place(&mut events, 9.5, MAX_EVENT_LANES);
        t.events = events;
        t.height = t.events_y + 24.0 + event_lanes as f64 * (LANE - 2.0) + 102.0;
        t
    }

    fn build_rows(&self, y: &mut f64) -> Vec<Row<'a>> {
        let data = self.data;
        // The newest state of each holder's lineage.
        let newest = |p: &PartyId| {
            let mut current = p.clone();
            let mut steps = 0;
            while let Some(next) = data.successor_of(&current) {
                current = next.id.clone();
                steps += 1;
                if steps > 16 {
                    break;
                }
            }
            current
        };
        let mut parties: Vec<PartyId> = Vec::new();
        if data.positions().any(|p| newest(&p.holder) == PartyId::JAPAN) {
            parties.push(PartyId::JAPAN);
        }
        for p in data.positions() {
            let n = newest(&p.holder);
            if !parties.contains(&n) {
                parties.push(n);
            }
        }
        let mut rows = Vec::new();
        for party in parties {
            let positions: Vec<&Position> = data.positions().filter(|p| newest(&p.holder) == party).collect();
            let mut bands: Vec<Band<'a>> = Vec::new();
            for (n, p) in positions.iter().enumerate() {
                let from = p.stated.first_day();
                let to = positions.get(n + 1).map_or(self.end, |next| next.stated.first_day());
                if to > from || n + 1 == positions.len() {
                    bands.push(Band {
                        position: p,
                        from,
                        to: to.max(from),
                        class: BandClass::of(data, p.formula),
                    });
                }
            }
            let name = data.party(&party).map_or(party.as_str(), |p| p.name.as_str()).to_owned();
            let predecessors: Vec<String> = data
                .lineage(&party)
                .iter()
                .skip(1)
                .filter(|p| positions.iter().any(|q| q.holder == p.id))
                .map(|p| match p.to {
                    Some(to) => format!("{} to {}", p.name, to.year()),
                    None => p.name.clone(),
                })
                .collect();
            let note = (!predecessors.is_empty()).then(|| format!("incl. {}", predecessors.join(", ")));
            rows.push(Row {
                party,
                label: name,
                note,
                bands,
                frame: Frame { x: LEFT, y: *y, width: RIGHT - LEFT, height: ROW_H },
            });
            *y += ROW_H + ROW_GAP;
        }
        rows
    }

    fn build_administration_rows(&self, y: &mut f64) -> Vec<AdministrationRow<'a>> {
        let data = self.data;
        let start = NaiveDate::from_ymd_opt(self.first_year, 1, 1).unwrap_or(NaiveDate::MIN);
        let mut rows = Vec::new();
        for profile in data.islands() {
            let bands: Vec<AdministrationBand<'a>> = data
                .administration_of(profile.id)
                .filter_map(|p| {
                    let from = p.from.first_day().max(start);
                    let to = p.to.map_or(self.end, |d| d.first_day()).min(self.end);
                    (to > from).then(|| AdministrationBand {
                        period: p,
                        from,
                        to,
                        class: AdministrationClass::of(data, p),
                    })
                })
                .collect();
            if bands.is_empty() {
                continue;
            }
            rows.push(AdministrationRow {
                island: profile.id,
                label: profile.name.clone(),
                bands,
                frame: Frame { x: LEFT, y: *y, width: RIGHT - LEFT, height: ADMIN_ROW_H },
            });
            *y += ADMIN_ROW_H + ADMIN_ROW_GAP;
        }
        rows
    }

    /// The first year on the axis.
    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    /// The last day on the axis.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The rows of position bands, Japan first.
    pub fn rows(&self) -> &[Row<'a>] {
        &self.rows
    }

    /// The rows of administration bands, one per island with any period, in island order.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, Island, PartyId};
    /// use kuril_dispute::timeline_chart::TimelineChart;
    ///
    /// let t = TimelineChart::new(Dataset::builtin());
    /// let habomai = t.administration_rows().iter().find(|r| r.island == Island::Habomai).unwrap();
    /// let who: Vec<&str> = habomai.bands.iter().map(|b| b.period.administrator.as_str()).collect();
    /// assert_eq!(who, ["japan", "soviet-union", "soviet-union", "russia"]);
    /// assert!(t.to_svg().contains("Who administered"));
    /// ```
    pub fn administration_rows(&self) -> &[AdministrationRow<'a>] {
        &self.administration
    }

    /// The width of the drawing in pixels.
    pub fn width(&self) -> f64 {
        WIDTH
    }

    /// The height of the drawing in pixels.
    pub fn height(&self) -> f64 {
        self.height
    }

    /// Where a day falls on the axis, in pixels from the left.
    pub fn x_of(&self, date: NaiveDate) -> f64 {
        let year = f64::from(date.year()) + f64::from(date.ordinal0()) / 366.0;
        let first = f64::from(self.first_year);
        let last = f64::from(self.end.year()) + 1.0;
        let split = f64::from(BREAK_YEAR);
        let span = RIGHT - LEFT;
        if first < split && split < last {
            let break_x = LEFT + span / 5.0;
            if year < split {
                LEFT + (year - first) / (split - first) * (break_x - LEFT)
            } else {
                break_x + (year - split) / (last - split) * (RIGHT - break_x)
            }
        } else {
            LEFT + (year - first) / (last - first).max(1.0) * span
        }
    }

    /// The timeline as an SVG document.
    pub fn to_svg(&self) -> String {
        let title = format!(
            "The southern Kurils dispute, {}–{}: agreements, positions, administration and events",
            self.first_year,
            self.end.year()
        );
        let mut svg = Svg::new(WIDTH, self.height, &title);
        self.draw_header(&mut svg, &title);
        self.draw_agreements(&mut svg);
        self.draw_axis(&mut svg);
        self.draw_position_rows(&mut svg);
        self.draw_administration_rows(&mut svg);
        self.draw_events(&mut svg);
        self.draw_legend(&mut svg);
        svg.finish()
    }

    /// The white page, the title and the two lines on how to read the chart.
    fn draw_header(&self, svg: &mut Svg, title: &str) {
        svg.rect(0.0, 0.0, WIDTH, self.height, r##"fill="#ffffff""##);
        svg.text((20.0, 32.0), 20.0, Anchor::Start, BOLD, title);
        svg.text(
            (20.0, 54.0),
            12.5,
            Anchor::Start,
            MUTED,
            "Positions are attributed stances: a band runs from the day a party stated a position to its next statement, coloured by what the named formula would give Japan. Below them, who governed each island: a sourced fact, not a claim.",
        );
        svg.text(
            (20.0, 72.0),
            12.5,
            Anchor::Start,
            MUTED,
            &format!(
                "The years before {BREAK_YEAR} are compressed (dotted line). Agreements above the axis, events below the bands; hover for sources' summaries."
            ),
        );
    }

    /// The agreements above the axis, each on its lane with a stem down to the axis.
    fn draw_agreements(&self, svg: &mut Svg) {
        svg.text((LEFT - 12.0, 100.0), 13.0, Anchor::End, BOLD, "Agreements");
        for a in &self.agreements {
            let Some(lane) = a.lane else { continue };
            let y = 100.0 + lane as f64 * LANE;
            svg.line((a.x, y + 3.0), (a.x, self.axis_y), r##"stroke="#bbbbbb" stroke-width="0.8""##);
            svg.circle((a.x, self.axis_y), 3.5, r##"fill="#222222""##);
            let (x, anchor) =
                if a.anchor_end { (a.x - 3.0, Anchor::End) } else { (a.x + 3.0, Anchor::Start) };
            svg.open_group("");
            svg.raw(&format!("<title>{}</title>", esc(&a.tooltip)));
            svg.text((x, y), 11.0, anchor, HALO, &a.text);
            svg.close_group();
        }
    }

    /// The time axis: ticks, year labels, grid lines down to the last row, and the dotted
    /// line where the compressed years end.
    fn draw_axis(&self, svg: &mut Svg) {
        svg.line((LEFT, self.axis_y), (RIGHT, self.axis_y), r##"stroke="#222222" stroke-width="1.2""##);
        let bottom = self
            .administration
            .last()
            .map(|r| r.frame)
            .or_else(|| self.rows.last().map(|r| r.frame))
            .map_or(self.axis_y, |f| f.y + f.height);
        for year in self.first_year..=self.end.year() + 1 {
            let step = if year < BREAK_YEAR { 10 } else { 5 };
            if year % step != 0 && year != self.first_year {
                continue;
            }
            let x = self.x_of(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(self.end));
            let major = year % 10 == 0 || year == self.first_year;
            svg.line(
                (x, self.axis_y),
                (x, self.axis_y + if major { 6.0 } else { 3.0 }),
                r##"stroke="#222222""##,
            );
            svg.line((x, self.axis_y + 8.0), (x, bottom), r##"stroke="#eeeeee" stroke-width="1""##);
            let clear_of_first = year == self.first_year || year - self.first_year >= 10;
            if major && clear_of_first && (year >= BREAK_YEAR || year % 20 == 0 || year == self.first_year) {
                svg.text((x, self.axis_y + 19.0), 10.5, Anchor::Middle, INK, &year.to_string());
            }
        }
        if self.first_year < BREAK_YEAR {
            let x = self.x_of(NaiveDate::from_ymd_opt(BREAK_YEAR, 1, 1).unwrap_or(self.end));
            svg.line(
                (x, 90.0),
                (x, self.events_y + 8.0),
                r##"stroke="#555555" stroke-width="1" stroke-dasharray="2 3""##,
            );
        }
    }

    /// Each party lineage's row of position bands, coloured by class, with tooltips.
    fn draw_position_rows(&self, svg: &mut Svg) {
        for row in &self.rows {
            let f = row.frame;
            svg.text((LEFT - 12.0, f.y + 13.0), 13.0, Anchor::End, BOLD, &row.label);
            if let Some(note) = &row.note {
                svg.text((LEFT - 12.0, f.y + 27.0), 10.0, Anchor::End, MUTED, note);
            }
            svg.rect(f.x, f.y, f.width, f.height, r##"fill="#f6f6f6""##);
            for band in &row.bands {
                let (x0, x1) = (self.x_of(band.from), self.x_of(band.to).max(self.x_of(band.from) + 1.5));
                let p = band.position;
                let formula = p.formula.map_or("no formula named", |id| self.data.formula(id).name.as_str());
                let tip = format!("{} {}: {} — {}", p.stated, p.holder, formula, p.summary);
                svg.open_group("");
                svg.raw(&format!("<title>{}</title>", esc(&tip)));
                svg.rect(
                    x0,
                    f.y,
                    x1 - x0,
                    f.height,
                    &format!(r##"fill="{}" stroke="#ffffff" stroke-width="0.6""##, band.class.colour().hex()),
                );
                let name = p.formula.map_or("constraint", |id| short_formula_name(self.data, id));
                if text_width(name, 10.0) + 6.0 < x1 - x0 {
                    svg.text(
                        (x0 + 3.0, f.y + 19.0),
                        10.0,
                        Anchor::Start,
                        &format!(r#"fill="{}""#, band.class.ink()),
                        name,
                    );
                }
                svg.close_group();
                svg.line((x0, f.y + f.height), (x0, f.y + f.height + 3.0), r##"stroke="#222222""##);
            }
        }
    }

    /// Who administered each island: a heading, then one row of periods per island.
    fn draw_administration_rows(&self, svg: &mut Svg) {
        if !self.administration.is_empty() {
            svg.text(
                (LEFT - 12.0, self.administration_y + 12.0),
                13.0,
                Anchor::End,
                BOLD,
                "Who administered",
            );
            svg.text(
                (LEFT + 2.0, self.administration_y + 12.0),
                10.5,
                Anchor::Start,
                MUTED,
                "each island: who governed it, from when to when (claims are another matter: see the data's claims)",
            );
        }
        for row in &self.administration {
            let f = row.frame;
            svg.text((LEFT - 12.0, f.y + 14.0), 12.0, Anchor::End, INK, &row.label);
            svg.rect(f.x, f.y, f.width, f.height, r##"fill="#f6f6f6""##);
            for band in &row.bands {
                let (x0, x1) = (self.x_of(band.from), self.x_of(band.to).max(self.x_of(band.from) + 1.5));
                let p = band.period;
                let name =
                    self.data.party(&p.administrator).map_or(p.administrator.as_str(), |q| q.name.as_str());
                let until = p.to.map_or_else(|| "still running".to_owned(), |d| format!("to {d}"));
                let tip = format!("{} {until}: {name} ({}) — {}", p.from, p.kind, p.summary);
                svg.open_group("");
                svg.raw(&format!("<title>{}</title>", esc(&tip)));
                svg.rect(
                    x0,
                    f.y,
                    x1 - x0,
                    f.height,
                    &format!(r##"fill="{}" stroke="#ffffff" stroke-width="0.6""##, band.class.colour().hex()),
                );
                if text_width(name, 10.0) + 6.0 < x1 - x0 {
                    svg.text(
                        (x0 + 3.0, f.y + 14.0),
                        10.0,
                        Anchor::Start,
                        &format!(r#"fill="{}""#, band.class.ink()),
                        name,
                    );
                }
                svg.close_group();
            }
        }
    }

    /// The events below the bands: a tick each, labelled on a lane when there is room.
    fn draw_events(&self, svg: &mut Svg) {
        svg.text((LEFT - 12.0, self.events_y + 4.0), 13.0, Anchor::End, BOLD, "Events");
        svg.line((LEFT, self.events_y), (RIGHT, self.events_y), r##"stroke="#999999""##);
        for e in &self.events {
            svg.open_group("");
            svg.raw(&format!("<title>{}</title>", esc(&e.tooltip)));
            svg.line(
                (e.x, self.events_y - 5.0),
                (e.x, self.events_y + 5.0),
                r##"stroke="#222222" stroke-width="1.2""##,
            );
            if let Some(lane) = e.lane {
                let y = self.events_y + 22.0 + lane as f64 * (LANE - 2.0);
                svg.line(
                    (e.x, self.events_y + 5.0),
                    (e.x, y - 8.0),
                    r##"stroke="#cccccc" stroke-width="0.6""##,
                );
                let (x, anchor) =
                    if e.anchor_end { (e.x - 2.0, Anchor::End) } else { (e.x + 2.0, Anchor::Start) };
                svg.text((x, y), 9.5, anchor, HALO, &e.text);
            }
            svg.close_group();
        }
    }

    /// The legend: positions, then administration, each only the classes drawn; the
    /// data note.
    fn draw_legend(&self, svg: &mut Svg) {
        let drawn = BandClass::ALL
            .iter()
            .filter(|c| self.rows.iter().flat_map(|r| &r.bands).any(|b| b.class == **c))
            .map(|c| (c.colour(), c.describe()));
        legend_row(svg, self.height - 66.0, INK, drawn);
        let drawn = AdministrationClass::ALL
            .iter()
            .filter(|c| self.administration.iter().flat_map(|r| &r.bands).any(|b| b.class == **c))
            .map(|c| (c.colour(), c.describe()));
        legend_row(svg, self.height - 44.0, INK, drawn);
        svg.text(
            (20.0, self.height - 12.0),
            11.0,
            Anchor::Start,
            MUTED,
            "Data: kuril-dispute (every agreement, event, position and administration period cites a source; see the dataset). Event labels that do not fit are in the tooltips.",
        );
    }
}

/// A formula's name without its parenthesis: "Two islands".
fn short_formula_name(data: &Dataset, id: FormulaId) -> &str {
    let name = data.formula(id).name.as_str();
    name.split(" (").next().unwrap_or(name)
}

/// A short name for an agreement: the name in a trailing parenthesis ("Treaty of
/// Shimoda"), a short name, or a short alias.
fn short_name(name: &str, aliases: &[String]) -> String {
    if let Some(inner) = name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")).map(|(_, inner)| inner)
        && inner.chars().count() <= 34
        && !inner.chars().any(|c| c.is_ascii_digit())
    {
        return inner.to_owned();
    }
    if name.chars().count() <= 34 {
        return name.to_owned();
    }
    if let Some(alias) = aliases.iter().filter(|a| a.is_ascii() && a.len() <= 34).max_by_key(|a| a.len()) {
        return alias.clone();
    }
    ellipsize(name, 34).into_owned()
}

/// Puts labels into lanes so that none overlaps another in the same lane; a label that
/// would run off the right edge is right-aligned. Returns the number of lanes used;
/// labels that fit in no lane (beyond `max_lanes`) get none.
fn place(labels: &mut [Label], size: f64, max_lanes: usize) -> usize {
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&a, &b| {
        let xa = labels.get(a).map_or(0.0, |l| l.x);
        let xb = labels.get(b).map_or(0.0, |l| l.x);
        xa.total_cmp(&xb)
    });
    for n in order {
        let Some(label) = labels.get_mut(n) else { continue };
        let w = text_width(&label.text, size) + 8.0;
        label.anchor_end = label.x + w > RIGHT + 20.0;
        let (start, end) =
            if label.anchor_end { (label.x - w, label.x + 4.0) } else { (label.x - 2.0, label.x + w) };
        if let Some(lane) = lane_ends.iter().position(|&e| e < start) {
            if let Some(e) = lane_ends.get_mut(lane) {
                *e = end;
            }
            label.lane = Some(lane);
        } else if lane_ends.len() < max_lanes {
            label.lane = Some(lane_ends.len());
            lane_ends.push(end);
        }
    }
    lane_ends.len()
}

crate::vocabulary::parse_by_id!(
    BandClass => "band class",
    AdministrationClass => "administration class",
);

/// One legend row at height `y`: a swatch and a label per item, left to right.
fn legend_row<'l>(svg: &mut Svg, y: f64, ink: &str, items: impl Iterator<Item = (Rgb, &'l str)>) {
    let mut x = LEFT;
    for (colour, label) in items {
        svg.rect(
            x,
            y,
            22.0,
            14.0,
            &format!(r##"fill="{}" stroke="#333333" stroke-width="0.6""##, colour.hex()),
        );
        svg.text((x + 28.0, y + 11.5), 12.0, Anchor::Start, ink, label);
        x += 44.0 + text_width(label, 12.0);
    }
}
