//! The example programs' argument parsing, fuzzed on stable: random command lines drawn
//! from each program's flags, their values, junk, empty and non-UTF-8 arguments, run
//! against the built example binaries. Whatever the arguments, a program ends with status
//! 0, 1 or 2 and never panics; status 2 (bad usage) always says why on stderr.
//!
//! `cargo test --test example_args` runs a few cases per program. The long run of
//! `fuzz/README.md` sets `EXAMPLE_ARGS_CASES` (cases per program) on a release build:
//! `EXAMPLE_ARGS_CASES=2000 cargo test --release --test example_args`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The built example `name`, beside this test's own binary (`target/<profile>/examples`).
fn example(name: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile = exe.parent()?.parent()?;
    let path = profile.join("examples").join(name);
    path.is_file().then_some(path)
}

/// One argument: a flag of any of the programs, a value, a path, or junk.
fn argument(fixtures: &Path) -> impl Strategy<Value = OsString> {
    let fixture = |f: &str| fixtures.join(f).into_os_string();
    let flags = prop::sample::select(vec![
        "--help",
        "-h",
        "--data",
        "--only",
        "--json",
        "--findings",
        "--published",
        "--max-bytes",
        "--csv",
        "--merge",
        "--data-out",
        "--",
        "-",
        "--unknown",
        "-x",
        "--json=1",
    ])
    .prop_map(OsString::from);
    let values = prop::sample::select(vec![
        "islands",
        "positions",
        "sources",
        "1956",
        "2018-11",
        "2018-11-15",
        "2018-13-40",
        "0",
        "1",
        "10",
        "-5",
        "99999999999999999999",
        "",
        " ",
        "x",
        "data",
        "no/such/dir",
        ".",
        "..",
        "é",
    ])
    .prop_map(OsString::from);
    let paths = prop::sample::select(vec![
        fixture("wire-2018-11-15.txt"),
        fixture("ru-wire-2019-01-14.txt"),
        fixture("README.md"),
        fixtures.as_os_str().to_os_string(),
    ]);
    let junk = "[ -~]{0,12}".prop_map(OsString::from);
    #[cfg(unix)]
    // Any bytes but NUL, which no command line can hold.
    let raw = prop::collection::vec(1..=u8::MAX, 0..8).prop_map(|b| {
        use std::os::unix::ffi::OsStringExt;
        OsString::from_vec(b)
    });
    #[cfg(not(unix))]
    let raw = "[^\u{0}]{0,4}".prop_map(OsString::from);
    prop_oneof![4 => flags, 3 => values, 2 => paths, 2 => junk, 1 => raw]
}

/// Runs `name` on random command lines in a scratch directory (the maps it may write go
/// there): never a panic, a status of 0, 1 or 2, and a reason with every 2.
fn fuzz(name: &str, cases: u32) {
    let Some(bin) = example(name) else {
        // `cargo test` builds the examples before the tests; a missing one is a broken build.
        panic!("example {name} is not built beside the tests");
    };
    // Copies of a few fixtures in a scratch directory: a program given a directory may
    // write into it (maps does), and nothing may be written into the repository.
    let scratch = tempfile::tempdir().expect("scratch dir");
    let fixtures = scratch.path().join("fixtures");
    std::fs::create_dir(&fixtures).expect("fixtures dir");
    for f in ["wire-2018-11-15.txt", "ru-wire-2019-01-14.txt", "README.md"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(f);
        std::fs::copy(from, fixtures.join(f)).expect("fixture copied");
    }
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let strategy = prop::collection::vec(argument(&fixtures), 0..6);
    let result = runner.run(&strategy, |args| {
        let out = Command::new(&bin)
            .args(&args)
            .current_dir(scratch.path())
            .env("CARGO_TARGET_DIR", scratch.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("the example runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!stderr.contains("panicked"), "{name} {args:?} panicked: {stderr}");
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "{name} {args:?}: status {code:?}: {stderr}");
        if code == Some(2) {
            prop_assert!(stderr.contains(name), "{name} {args:?}: bad usage without a reason: {stderr:?}");
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

fn cases(default: u32) -> u32 {
    std::env::var("EXAMPLE_ARGS_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(default)
}

#[test]
fn briefing_arguments() {
    fuzz("briefing", cases(16));
}

#[test]
fn settlement_arguments() {
    fuzz("settlement", cases(16));
}

#[test]
fn maps_arguments() {
    fuzz("maps", cases(6));
}

#[test]
fn extract_arguments() {
    fuzz("extract", cases(12));
}
