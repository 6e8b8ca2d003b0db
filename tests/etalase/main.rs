//! The integration tests of Etalase, in one test binary: one module per feature, and `support`
//! for what they share.

mod support;

mod agenda;
mod architecture;
mod demo;
mod guide;
mod init;
mod output;
mod package;
mod pages;
mod photos;
mod preview;
mod quality;
mod schema;
mod search;
mod security;
mod showcase;
mod start;
mod themes;
mod translations;
mod validity;
mod writing;
