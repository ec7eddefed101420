//! `IslandAllocation` (what a formula leaves each island with) against the formulas' own
//! queries, for every formula and island of the built-in data, and on edited data.

use kuril_dispute::formula::Right;
use kuril_dispute::{Dataset, FormulaId, Island, IslandAllocation, IslandHolder};

#[test]
fn allocations_agree_with_the_formula_queries() {
    let data = Dataset::builtin();
    for f in data.formulas() {
        let all = IslandAllocation::of_formula(data, f);
        assert_eq!(all.len(), 4);
        for (a, &island) in all.iter().zip(Island::ALL.iter()) {
            assert_eq!(a.island, island);
            let total: u32 = a.parts.iter().map(|p| u32::from(p.share.basis_points())).sum();
            assert_eq!(total, 10_000, "{} {island}: shares add up to the whole", f.id);
            assert_eq!(a.is_split(), f.partially_transferred().contains(island), "{} {island}", f.id);
            assert_eq!(
                a.parts[0].holder == IslandHolder::Joint,
                f.jointly_held().contains(island),
                "{} {island}",
                f.id
            );
            assert_eq!(
                a.parts[0].holder == IslandHolder::Japan,
                f.islands_transferred().contains(island),
                "{} {island}",
                f.id
            );
            assert_eq!(a.joint_activity, f.joint_activity.contains(island));
            if !f.all_transfers().any(|t| t.island == island) {
                let want = if f.undecided_islands().contains(island) {
                    IslandHolder::Undecided
                } else {
                    IslandHolder::Russia
                };
                assert_eq!(a.holder(), Some(want), "{} {island}", f.id);
                assert!(a.stages.is_empty());
            }
            // The stage numbers are those of the stages that name the island.
            let stages: Vec<usize> = f
                .stages
                .iter()
                .enumerate()
                .filter(|(_, s)| s.transfers.iter().any(|t| t.island == island))
                .map(|(n, _)| n + 1)
                .collect();
            assert_eq!(a.stages, stages, "{} {island}", f.id);
        }
    }
}

#[test]
fn kawana_moves_sovereignty_then_administration_and_ends_with_both() {
    let data = Dataset::builtin();
    let a = IslandAllocation::of(data, data.formula(FormulaId::Kawana1998), Island::Iturup);
    assert_eq!(a.stages, vec![1, 2]);
    assert_eq!(a.right, Some(Right::Both));
    assert_eq!(a.holder(), Some(IslandHolder::Japan));
    let zone = IslandAllocation::of(data, data.formula(FormulaId::JointEconomicZone), Island::Kunashir);
    assert!(zone.joint_activity);
    assert_eq!((zone.holder(), zone.keyword()), (Some(IslandHolder::Russia), "russia"));
}

#[test]
fn a_sovereignty_only_transfer_is_reported_as_such() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).expect("data/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).expect("readable");
            if path.file_name().is_some_and(|n| n == "formulas.toml") {
                // Three islands, sovereignty only.
                let at = text.find(r#"id = "three-islands""#).expect("the formula");
                let (head, tail) = text.split_at(at);
                let tail = tail.replacen(
                    r#"{ island = "kunashir", to = "japan" }"#,
                    r#"{ island = "kunashir", to = "japan", right = "sovereignty" }"#,
                    1,
                );
                text = format!("{head}{tail}");
            }
            std::fs::write(dir.path().join(path.file_name().expect("a name")), text).expect("writable");
        }
    }
    let data = Dataset::from_dir(dir.path()).expect("valid");
    let a = IslandAllocation::of(&data, data.formula(FormulaId::ThreeIslands), Island::Kunashir);
    assert_eq!(a.right, Some(Right::Sovereignty));
    assert_eq!(a.holder(), Some(IslandHolder::Japan));
    #[cfg(feature = "svg")]
    {
        let svg = kuril_dispute::map::FormulaMap::new(
            &data,
            kuril_dispute::Outlines::builtin(),
            FormulaId::ThreeIslands,
        )
        .to_svg();
        assert!(svg.contains("sovereignty only"));
    }
}

/// The built-in data with the first `from` of `formulas.toml` replaced by `to`.
fn with_formulas(from: &str, to: &str) -> Dataset {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).expect("data/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).expect("readable");
            if path.file_name().is_some_and(|n| n == "formulas.toml") {
                assert!(text.contains(from), "formulas.toml has no {from:?}");
                text = text.replacen(from, to, 1);
            }
            std::fs::write(dir.path().join(path.file_name().expect("a name")), text).expect("writable");
        }
    }
    Dataset::from_dir(dir.path()).expect("valid")
}

/// (holder, basis points) of each part.
fn parts(a: &IslandAllocation) -> Vec<(IslandHolder, u16)> {
    a.parts.iter().map(|p| (p.holder, p.share.basis_points())).collect()
}

#[test]
fn every_share_of_a_split_is_allocated() {
    let split = r#"{ island = "iturup", to = "japan", share = 0.21 },"#;
    // Half to Japan, half joint: nothing stays, nothing is given to the wrong holder.
    let data = with_formulas(
        split,
        r#"{ island = "iturup", to = "japan", share = 0.5 }, { island = "iturup", to = ["japan", "russia"], share = 0.5 },"#,
    );
    let a = IslandAllocation::of(&data, data.formula(FormulaId::AreaSplit), Island::Iturup);
    assert_eq!(parts(&a), [(IslandHolder::Japan, 5_000), (IslandHolder::Joint, 5_000)]);
    assert_eq!(a.keyword(), "split");
    // Three parts: half to Japan, a quarter joint, the rest stays.
    let data = with_formulas(
        split,
        r#"{ island = "iturup", to = "japan", share = 0.5 }, { island = "iturup", to = ["japan", "russia"], share = 0.25 },"#,
    );
    let a = IslandAllocation::of(&data, data.formula(FormulaId::AreaSplit), Island::Iturup);
    assert_eq!(
        parts(&a),
        [(IslandHolder::Japan, 5_000), (IslandHolder::Joint, 2_500), (IslandHolder::Russia, 2_500)]
    );
    assert_eq!(a.parts[2].recipient, None);
    // Shares to one recipient in two stages add up; sovereignty is what a map shows when
    // it moves, and administration of the same part is not counted twice.
    let data = with_formulas(
        split,
        r#"{ island = "iturup", to = "japan", share = 0.2, right = "sovereignty" },
  { island = "iturup", to = "japan", share = 0.2, right = "administration" },
  { island = "iturup", to = ["japan", "russia"], share = 0.1 },
  { island = "iturup", to = ["japan", "russia"], share = 0.3 },"#,
    );
    let a = IslandAllocation::of(&data, data.formula(FormulaId::AreaSplit), Island::Iturup);
    assert_eq!(
        parts(&a),
        [(IslandHolder::Japan, 2_000), (IslandHolder::Joint, 4_000), (IslandHolder::Russia, 4_000)]
    );
    assert_eq!(a.right, Some(Right::Both));
}
