//! Etalase: a bilingual static site generator for the news and product showcases of
//! Indonesian correctional units.
//!
//! Data flows one way through the stages: `config` (etalase.yaml) → `content` (files parsed
//! into typed structs) → `site` (references resolved, permalinks and lists made) → `media`
//! (photos processed, SVGs checked) → `render` (pages as path + bytes, with the `theme`'s
//! templates) → `output` (the only module that writes the site). Each content kind — press
//! releases, plain pages, products, units, vocabularies — is one module in `kinds`, which
//! plugs into the stages through the traits they define; the stages never name a kind.
//! Loading and rendering are pure, so they run in parallel and can be tested without a file
//! system; `serve` reruns the same pipeline incrementally for the writers' preview.
//!
//! Besides the site output, two commands write writers' files on request: `new` starts a
//! content file (`scaffold`) and `schema` writes the editor schemas (`schema`).

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod hashing;
pub mod ids;
pub mod init;
pub mod kinds;
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
pub mod theme;
pub mod timings;
pub mod web_url;
pub mod yaml;

pub use build::{BuildOptions, BuildReport, build};
pub use error::{Diagnostic, Diagnostics, Error};
