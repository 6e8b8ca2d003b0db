//! Etalase: a bilingual static site generator for the news and product showcases of
//! Indonesian correctional units.
//!
//! Data flows one way: `config` (etalase.yaml) → `content` (files parsed into typed structs)
//! → `site` (references resolved, indexes built) → `media` (photos processed) → `render` (pages as path + bytes) →
//! `output` (the only module that writes). Loading and rendering are pure, so they run in
//! parallel and can be tested without a file system; `serve` reruns the same pipeline
//! incrementally for the writers' preview.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod init;
pub mod localized;
pub mod media;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod web_url;

pub use build::{BuildOptions, BuildReport, build};
pub use error::{Diagnostic, Diagnostics, Error};
