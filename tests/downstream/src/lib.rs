//! The first-query contract of issue 2, as a downstream crate writes it.

#[cfg(test)]
mod tests {
    /// The snippet of the issue, verbatim inside a function that returns a `Result`.
    fn first_query() -> Result<(), Box<dyn std::error::Error>> {
        use kuril_dispute::{Dataset, FormulaId, Island, IslandSet};

        let data = Dataset::builtin();
        assert_eq!(data.formula(FormulaId::TwoIslands1956).islands_transferred(),
                   IslandSet::from([Island::Shikotan, Island::Habomai]));
        assert_eq!(data.formula(FormulaId::FourIslands).islands_transferred(), IslandSet::ALL);
        assert!(data.formula(FormulaId::StatusQuo).islands_transferred().is_empty());
        assert_eq!(data.formula(FormulaId::TwoNowTwoLater).islands_transferred(), IslandSet::ALL);
        assert_eq!(Island::ALL.len(), 4);
        let counts = (data.positions().count(), data.events().count(),
                      data.people().count(), data.agreements().count());
        let mine = kuril_dispute::Dataset::from_dir("my-data/")?;

        assert!(counts.0 >= 30 && counts.1 >= 40 && counts.2 >= 25 && counts.3 >= 15);
        assert_eq!(&mine, data);
        Ok(())
    }

    /// Issue 14's first steps, with `kuril-dispute` the only dependency: iterate the
    /// islands, look a person up by a plain string (a mistyped id is an error that names
    /// it), follow that person through the timeline, print a position with `{}`.
    #[test]
    fn a_user_needs_no_other_dependency() -> Result<(), Box<dyn std::error::Error>> {
        use kuril_dispute::{Dataset, Island, NaiveDate, PartialDate};
        use kuril_dispute::timeline::Entry;

        let data = Dataset::builtin();
        let names: Vec<&str> = Island::ALL.iter().map(|&i| data.island(i).name.as_str()).collect();
        assert_eq!(names, ["Iturup", "Kunashir", "Shikotan", "Habomai"]);

        let abe = data.person("shinzo-abe")?;
        assert_eq!(abe.name, "Shinzo Abe");
        let err = data.person("shinzo-abbe").unwrap_err();
        assert!(err.to_string().contains("\"shinzo-abbe\""), "{err}");

        let entries = data.timeline().person(abe).entries();
        let positions: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Position(p) => Some(*p),
                _ => None,
            })
            .collect();
        assert!(!positions.is_empty());
        assert!(positions.iter().all(|p| p.speaker.as_ref() == Some(&abe.id)));

        let line = format!("{}", positions[0]);
        assert!(line.starts_with(&positions[0].stated.to_string()) && line.contains("shinzo-abe"), "{line}");

        // Dates convert to and from the calendar without a chrono dependency.
        let day = NaiveDate::from_ymd_opt(2018, 11, 14).ok_or("a day")?;
        assert_eq!(PartialDate::try_from(day)?.to_string(), "2018-11-14");
        Ok(())
    }

    #[test]
    fn snippet_compiles_and_passes() {
        // `my-data/` is a copy of the crate's data directory, made here so the snippet's
        // relative path resolves.
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mine = here.join("my-data");
        std::fs::create_dir_all(&mine).unwrap();
        for entry in std::fs::read_dir(here.join("../../data")).unwrap() {
            let entry = entry.unwrap();
            // The tables; not the language packs' folder.
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), mine.join(entry.file_name())).unwrap();
            }
        }
        std::env::set_current_dir(here).unwrap();
        first_query().unwrap();
    }
}
