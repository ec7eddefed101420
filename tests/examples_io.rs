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
