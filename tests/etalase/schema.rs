//! The editor schemas: generated from the types that read content, committed for VS Code,
//! accepted by a real JSON Schema validator (check-jsonschema) on the demo content, and
//! rejecting broken sheets.

use std::path::Path;
use std::process::Command;

use crate::support::site::{PRODUCT_GULA, etalase, repo};
use crate::support::tools::{self, Tool, missing};

fn validate(schema: &Path, files: &[std::path::PathBuf]) -> std::process::Output {
    Command::new(tools::check_jsonschema())
        .arg("--schemafile")
        .arg(schema)
        .args(files)
        .output()
        .expect("run check-jsonschema")
}

fn in_dir(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn the_committed_schemas_are_current() {
    let out = tempfile::tempdir().expect("temp");
    let status = etalase()
        .args(["schema", "--output"])
        .arg(out.path())
        .status()
        .expect("schema");
    assert!(status.success());
    for file in in_dir(out.path(), "json") {
        let name = file.file_name().expect("name");
        let committed = std::fs::read_to_string(repo().join(".vscode/schemas").join(name)).unwrap_or_default();
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            committed,
            "{name:?} is out of date: run `cargo run -- schema`"
        );
    }
}

#[test]
fn the_demo_content_validates_against_the_schemas() {
    if missing(&[Tool::CheckJsonschema]) {
        return;
    }
    let schemas = repo().join(".vscode/schemas");
    let content = repo().join("content");
    for (schema, files) in [
        ("config.schema.json", vec![repo().join("etalase.yaml")]),
        ("product.schema.json", in_dir(&content.join("products"), "yaml")),
        ("unit.schema.json", in_dir(&content.join("units"), "yaml")),
        ("vocabulary.schema.json", in_dir(&content.join("vocabularies"), "yaml")),
    ] {
        assert!(!files.is_empty());
        let out = validate(&schemas.join(schema), &files);
        assert!(
            out.status.success(),
            "{schema}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    // Front matter: the YAML between the fences of each press release and event.
    let dir = tempfile::tempdir().expect("temp");
    for (schema, folder) in [("news.schema.json", "news"), ("event.schema.json", "agenda")] {
        let mut fronts = Vec::new();
        for (ix, file) in in_dir(&content.join(folder), "md").into_iter().enumerate() {
            let text = std::fs::read_to_string(file).expect("read");
            let front = text.split("\n---").next().expect("front").trim_start_matches("---");
            let path = dir.path().join(format!("{folder}-{ix}.yaml"));
            std::fs::write(&path, front).expect("write");
            fronts.push(path);
        }
        assert!(!fronts.is_empty(), "{folder}");
        let out = validate(&schemas.join(schema), &fronts);
        assert!(
            out.status.success(),
            "{schema}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn broken_sheets_do_not_validate() {
    if missing(&[Tool::CheckJsonschema]) {
        return;
    }
    let schemas = repo().join(".vscode/schemas");
    let dir = tempfile::tempdir().expect("temp");
    for (name, text) in [
        ("typo.yaml", PRODUCT_GULA.replace("featured:", "featurd:")),
        ("price.yaml", PRODUCT_GULA.replace("amount: 25000", "amount: 25.000")),
        ("missing.yaml", PRODUCT_GULA.replace("unit: lapas-lahat\n", "")),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let out = validate(&schemas.join("product.schema.json"), &[path]);
        assert!(!out.status.success(), "{name} must not validate");
    }
}
