//! The example programs on a closed or full output and on a non-UTF-8 argument: a message
//! and an exit status, never a panic.

use std::process::{Command, Output, Stdio};

fn run(example: &str, args: &[&std::ffi::OsStr], stdout: Stdio) -> Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", example, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("cargo runs")
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_message_not_a_panic() {
    let maps = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, Vec<&std::ffi::OsStr>); 4] = [
        ("briefing", vec![]),
        ("settlement", vec!["2018-11".as_ref()]),
        ("maps", vec![maps.path().as_os_str()]),
        ("extract", vec!["tests/fixtures/wire-2018-11-15.txt".as_ref()]),
    ];
    for (example, args) in cases {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = run(example, &args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{example}: {stderr}");
        assert!(stderr.contains(&format!("{example}: cannot write")), "{example}: {stderr}");
        assert!(!stderr.contains("panicked"), "{example}: {stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_bad_usage() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"\xff.txt");
    for example in ["briefing", "settlement"] {
        let out = run(example, &[bad], Stdio::null());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{example}: {stderr}");
        assert!(stderr.contains("not UTF-8"), "{example}: {stderr}");
        assert!(!stderr.contains("panicked"), "{example}: {stderr}");
    }
    // To extract, it is a file name like any other (here, of no file).
    let out = run("extract", &[bad], Stdio::null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(".txt: cannot read it"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_option_without_its_value_is_bad_usage() {
    let out = run("briefing", &["--data".as_ref()], Stdio::null());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--data needs a value"));
    let help = run("settlement", &["--help".as_ref()], Stdio::piped());
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: settlement"));
}

/// Each example is a small command-line tool: `--help` prints its usage on standard output
/// and exits 0; an unknown option is bad usage, exit 2, with a message naming it.
#[test]
fn every_example_has_help_and_refuses_unknown_options() {
    for example in ["briefing", "settlement", "maps", "extract"] {
        let help = run(example, &["--help".as_ref()], Stdio::piped());
        let stdout = String::from_utf8_lossy(&help.stdout);
        assert_eq!(
            help.status.code(),
            Some(0),
            "{example} --help: {}",
            String::from_utf8_lossy(&help.stderr)
        );
        assert!(stdout.starts_with(&format!("usage: {example}")), "{example} --help: {stdout}");

        let bad = run(example, &["--bogus".as_ref()], Stdio::piped());
        let stderr = String::from_utf8_lossy(&bad.stderr);
        assert_eq!(bad.status.code(), Some(2), "{example} --bogus: {stderr}");
        assert!(stderr.contains("--bogus"), "{example} --bogus: {stderr}");
        assert!(bad.stdout.is_empty(), "{example} --bogus wrote output");
    }
}

/// An option that needs a value and has none is bad usage, exit 2.
#[test]
fn a_missing_value_is_bad_usage() {
    for (example, option) in [("briefing", "--only"), ("extract", "--published"), ("extract", "--max-bytes")]
    {
        let out = run(example, &[option.as_ref()], Stdio::null());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{example} {option}: {stderr}");
        assert!(stderr.contains(option), "{example} {option}: {stderr}");
    }
    // Two directories for maps are one too many.
    let out = run("maps", &["a".as_ref(), "b".as_ref()], Stdio::null());
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A data directory that does not load is reported with each file's full path.
#[test]
fn the_briefing_names_the_broken_file_with_its_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(&data).expect("data/") {
        let entry = entry.expect("an entry");
        if entry.path().extension().is_some_and(|e| e == "toml") {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copied");
        }
    }
    let positions = dir.path().join("positions.toml");
    let text = std::fs::read_to_string(&positions).expect("positions.toml");
    std::fs::write(&positions, text.replacen("holder = \"japan\"", "holder = \"japn\"", 1)).expect("written");
    let out = run("briefing", &["--data".as_ref(), dir.path().as_os_str()], Stdio::null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}:", positions.display())), "{stderr}");
}

/// The maps example writes, by default, into `kuril-maps/` of Cargo's target directory:
/// `$CARGO_TARGET_DIR` when it is set.
#[test]
fn maps_default_to_the_cargo_target_dir() {
    // Built by `cargo run`, then run directly, so that CARGO_TARGET_DIR does not move the
    // build: the example sits beside this test's own executable, in target/debug/.
    let help = run("maps", &["--help".as_ref()], Stdio::null());
    assert_eq!(help.status.code(), Some(0));
    let exe = std::env::current_exe().expect("this test's path");
    let debug = exe.parent().and_then(|deps| deps.parent()).expect("target/debug");
    let maps = debug.join("examples").join(format!("maps{}", std::env::consts::EXE_SUFFIX));
    let target = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    let out = Command::new(&maps)
        .env("CARGO_TARGET_DIR", target.path())
        .current_dir(cwd.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("maps runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(target.path().join("kuril-maps/timeline.svg").is_file());
    assert!(!cwd.path().join("target").exists());
}
