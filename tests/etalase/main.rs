//! The integration tests of Etalase, in one test binary: one module per feature, and `support`
//! for what they share.

mod support;

mod browser;
mod build;
mod check;
mod demo;
mod images;
mod quality;
mod schema;
mod search;
mod security;
mod serve;
mod validity;
