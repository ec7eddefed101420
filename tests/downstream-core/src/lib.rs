//! The model and the queries, as a crate that depends on `kuril-dispute` without its
//! default features writes them.

#[cfg(test)]
mod tests {
    use kuril_dispute::settlement::{EnumSet, Facet};
    use kuril_dispute::{Dataset, FormulaId, Island, IslandAllocation, IslandHolder, IslandSet, PartyId};

    /// Lookups, the formulas, positions and stances by party, the settlement space and a
    /// timeline: everything the core answers, with the built-in data.
    #[test]
    fn the_core_answers_without_any_feature() -> Result<(), Box<dyn std::error::Error>> {
        let data = Dataset::builtin();
        let f = data.formula(FormulaId::TwoIslands1956);
        assert_eq!(f.islands_transferred(), IslandSet::from([Island::Shikotan, Island::Habomai]));
        assert!((data.area_transferred(f) - 346.0).abs() < 1.0);
        assert_eq!(IslandAllocation::of(data, f, Island::Habomai).holder(), Some(IslandHolder::Japan));

        // What each side said last, and what stands, by party id as text or constant.
        let japan = data.latest_positions("japan", "2013-12".parse()?)?;
        assert!(japan.iter().any(|p| p.formula == Some(FormulaId::FourIslands)));
        let russia = data.stance_at(&PartyId::RUSSIA, "1956".parse()?)?;
        assert!(russia.positions().all(|p| p.holder == PartyId::SOVIET_UNION));
        assert!(russia.answering(Facet::Allocation).count() >= 1);
        // The sets in the settlement types are re-exported: no enumset dependency.
        let facets: EnumSet<Facet> = russia.held[0].facets;
        assert!(!facets.is_empty());
        let err = data.stance_at("japn", "2013".parse()?).unwrap_err();
        assert_eq!(err.closest(), Some("japan"));

        // The settlement space of November 2018 holds the 1956 basis.
        let space = data.settlement_space("2018-11".parse()?);
        assert!(!space.is_empty());
        assert!(space.minimal_outcomes().iter().all(|o| o.allocation.transferred().contains(Island::Shikotan)));

        // A timeline by party and island, every entry cited.
        let entries = data
            .timeline()
            .party(data.party("russia")?)
            .island(Island::Shikotan)
            .between("1956".parse()?, "1960".parse()?)
            .entries();
        assert!(entries.iter().any(|e| e.id() == "joint-declaration-1956"));
        assert!(entries.iter().all(|e| !e.cite().is_empty()));

        // Who administered and who claimed, as two questions.
        assert!(!data.administrator_at(Island::Kunashir, "1950".parse()?).is_empty());
        assert!(data.claimants_at(Island::Kunashir, "1950".parse()?).len() >= 2);
        Ok(())
    }

    /// The data files load, and a dataset writes back out and loads equal.
    #[test]
    fn own_data_loads_and_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        let data = Dataset::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))?;
        assert_eq!(&data, Dataset::builtin());
        let files = data.to_toml_files()?;
        let again = Dataset::from_toml(files.iter().map(|(name, text)| (*name, text.as_str())))?;
        assert_eq!(again, data);
        Ok(())
    }
}
