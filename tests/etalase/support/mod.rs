//! What the feature tests share, one job per module.

pub mod browser;
pub mod folders;
pub mod html;
pub mod http;
pub mod served;
pub mod servers;
pub mod site;
pub mod tools;
pub mod writer;
