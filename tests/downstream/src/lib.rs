//! The first-query contract of issue 2, as a downstream crate writes it.

#[cfg(test)]
mod tests {
    /// The snippet of the issue, verbatim inside a function that returns a `Result`.
    fn first_query() -> Result<(), Box<dyn std::error::Error>> {
        use kuril_dispute::{Dataset, FormulaId, Island, IslandSet};
        use strum::IntoEnumIterator;

        let data = Dataset::builtin();
        assert_eq!(data.formula(FormulaId::TwoIslands1956).transfers(),
                   IslandSet::from([Island::Shikotan, Island::Habomai]));
        assert_eq!(data.formula(FormulaId::FourIslands).transfers(), IslandSet::ALL);
        assert!(data.formula(FormulaId::StatusQuo).transfers().is_empty());
        assert_eq!(data.formula(FormulaId::TwoNowTwoLater).transfers(), IslandSet::ALL);
        assert_eq!(Island::iter().count(), 4);
        let counts = (data.positions().count(), data.events().count(),
                      data.people().count(), data.agreements().count());
        let mine = kuril_dispute::Dataset::from_dir("my-data/")?;

        assert!(counts.0 >= 30 && counts.1 >= 40 && counts.2 >= 25 && counts.3 >= 15);
        assert_eq!(&mine, data);
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
