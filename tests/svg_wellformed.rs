//! Every SVG the crate writes is well-formed XML, read back by an XML parser: on the
//! built-in data, and on data whose names hold characters XML forbids (control characters).

use kuril_dispute::map::{FormulaMap, SmallMultiples};
use kuril_dispute::timeline_chart::TimelineChart;
use kuril_dispute::{Dataset, Outlines};

/// Every SVG of `data`, with what it is.
fn every_svg(data: &Dataset) -> Vec<(String, String)> {
    let outlines = Outlines::builtin();
    let mut out: Vec<(String, String)> = data
        .formulas()
        .map(|f| (format!("formula {}", f.id), FormulaMap::new(data, outlines, f.id).to_svg()))
        .collect();
    out.push(("small multiples".into(), SmallMultiples::new(data, outlines).to_svg()));
    out.push(("timeline".into(), TimelineChart::new(data).to_svg()));
    out
}

fn assert_well_formed(data: &Dataset) {
    let svgs = every_svg(data);
    assert!(svgs.len() > 10);
    for (what, svg) in svgs {
        let doc =
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg", "{what}");
    }
}

#[test]
fn every_svg_of_the_builtin_data_parses() {
    assert_well_formed(Dataset::builtin());
}

#[test]
fn control_characters_in_names_do_not_break_the_svg() {
    let mut files = Dataset::builtin().to_toml_files().expect("dumps");
    for (name, text) in files.iter_mut() {
        if name.ends_with("formulas.toml")
            || name.ends_with("parties.toml")
            || name.ends_with("agreements.toml")
        {
            // Every display name gets a control character (written as a TOML escape).
            *text = text.replace("\nname = \"", "\nname = \"\\u0001\\u001b");
        }
    }
    let data = Dataset::from_toml(files.iter().map(|(n, t)| (*n, t.as_str()))).expect("loads");
    assert!(data.formulas().any(|f| f.name.contains('\u{1}')), "the names carry the character");
    assert_well_formed(&data);
    let svg =
        FormulaMap::new(&data, Outlines::builtin(), data.formulas().next().expect("a formula").id).to_svg();
    assert!(svg.contains('\u{FFFD}'), "the name is drawn, its control characters replaced");
}
