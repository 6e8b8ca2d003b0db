//! `etalase schema`: JSON Schemas of the files writers edit, generated from the same Rust
//! types that read them, so that an editor (VS Code's YAML extension) can complete keys and
//! underline mistakes while typing.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, schema_for};

use crate::config::Config;
use crate::error::{Error, IoContext};

/// The folder the demo site's editor settings point at.
pub const DEFAULT_DIR: &str = ".vscode/schemas";

/// The schema of `etalase.yaml`: (file name, schema). The content kinds give their own
/// (`crate::kinds::schemas`).
pub fn config() -> (&'static str, serde_json::Value) {
    ("config.schema.json", schema::<Config>("etalase.yaml"))
}

/// The JSON Schema of `T`, titled.
pub fn schema<T: JsonSchema>(title: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(schema_for!(T)).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("title".into(), serde_json::Value::from(title));
    }
    value
}

/// Writes `schemas` (file name, schema) into `dir`.
pub fn write(dir: &Path, schemas: &[(&str, serde_json::Value)]) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(dir).io(crate::messages::Output::CannotCreate, dir)?;
    let mut written = Vec::new();
    for (name, schema) in schemas {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        std::fs::write(&path, text).io(crate::messages::Output::CannotWrite, &path)?;
        written.push(path);
    }
    Ok(written)
}
