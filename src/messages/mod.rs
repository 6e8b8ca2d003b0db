//! Typed messages: every diagnostic, hint, warning and line the command line prints is a
//! variant of one of the catalogues below, with typed arguments, a stable code, and its text
//! in English and Indonesian. The `messages!` macro that defines a catalogue takes both texts
//! of every variant, so a message without its Indonesian text does not compile; a test renders
//! every variant in both languages and checks that both carry the same values.

mod catalogue;
mod cli;
mod init;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use catalogue::{Check, Config, Content, Field, Media, Output, Reference, Yaml};
pub use cli::{Cli, totals};
pub use init::Init;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    /// `flag` (`id` or `en`) when given, else the user's locale, else English.
    pub fn detect(flag: Option<&str>) -> Lang {
        let from_env = || {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|key| std::env::var(key).ok())
                .find(|value| !value.is_empty())
        };
        match flag.map(String::from).or_else(from_env) {
            Some(value) if value.starts_with("id") || value.starts_with("in_") => Lang::Id,
            _ => Lang::En,
        }
    }

    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];
}

/// A message with a text per language.
pub trait Text: fmt::Debug + Send + Sync {
    /// A stable code, for tools (`check --format json`).
    fn code(&self) -> &'static str;
    /// The message in `lang`.
    fn text(&self, lang: Lang) -> String;
}

/// One message of any catalogue, cheap to clone.
#[derive(Clone)]
pub struct Message(Arc<dyn Text>);

impl Message {
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    pub fn text(&self, lang: Lang) -> String {
        self.0.text(lang)
    }
}

impl<T: Text + 'static> From<T> for Message {
    fn from(text: T) -> Message {
        Message(Arc::new(text))
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        self.code() == other.code() && self.text(Lang::En) == other.text(Lang::En)
    }
}

impl Eq for Message {}

/// A value a message carries, shown as it is in both languages.
pub trait Arg: fmt::Display {
    /// A value for tests, recognisable in the rendered text.
    fn sample(field: &str) -> Self;
}

impl Arg for String {
    fn sample(field: &str) -> String {
        format!("«{field}»")
    }
}

impl Arg for usize {
    fn sample(field: &str) -> usize {
        90_000 + field.len()
    }
}

impl Arg for u64 {
    fn sample(field: &str) -> u64 {
        80_000 + field.len() as u64
    }
}

/// A path, shown as the platform writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path(pub PathBuf);

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.display())
    }
}

impl Arg for Path {
    fn sample(field: &str) -> Path {
        Path(PathBuf::from(format!("«{field}»")))
    }
}

impl From<&std::path::Path> for Path {
    fn from(path: &std::path::Path) -> Path {
        Path(path.to_path_buf())
    }
}

/// A list of values, shown joined by commas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List(pub Vec<String>);

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(", "))
    }
}

impl Arg for List {
    fn sample(field: &str) -> List {
        List(vec![format!("«{field}-1»"), format!("«{field}-2»")])
    }
}

/// Values with their labels (`ac-6 — Membangun dari desa …`), shown one after the other,
/// separated by semicolons since labels may hold commas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices(pub Vec<String>);

impl fmt::Display for Choices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("; "))
    }
}

impl Arg for Choices {
    fn sample(field: &str) -> Choices {
        Choices(vec![format!("«{field}-1» — «label»"), format!("«{field}-2» — «label»")])
    }
}

/// Defines a catalogue: an enum of messages, each with its code and its text in English and
/// Indonesian (`{name}` in a text stands for the field `name`).
macro_rules! messages {
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $(
                $(#[$vdoc:meta])*
                $variant:ident $({ $($field:ident: $ty:ty),* $(,)? })? = $code:literal,
                en: $en:literal,
                id: $id:literal;
            )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant $({ $($field: $ty),* })?,)*
        }

        impl $crate::messages::Text for $name {
            fn code(&self) -> &'static str {
                match self {
                    $($name::$variant { .. } => $code,)*
                }
            }

            #[allow(unused_variables)]
            fn text(&self, lang: $crate::messages::Lang) -> String {
                match self {
                    $($name::$variant $({ $($field),* })? => match lang {
                        $crate::messages::Lang::En => format!($en),
                        $crate::messages::Lang::Id => format!($id),
                    },)*
                }
            }
        }

        impl $name {
            /// Every variant, with sample values, for tests of the catalogue.
            pub fn samples() -> Vec<$name> {
                vec![$($name::$variant $({ $($field: <$ty as $crate::messages::Arg>::sample(stringify!($field))),* })?,)*]
            }
        }
    };
}

pub(crate) use messages;

/// The closest of `candidates` to `wrong` (edit distance), to suggest a fix for a typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|(distance, c)| *distance <= (c.len().max(wrong.len()) / 2).max(2))
        .min()
        .map(|(_, c)| c)
}

/// "did you mean `x`?", or the valid values (sorted), for a hint.
pub fn suggestion<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> Reference {
    match closest(wrong, candidates.clone()) {
        Some(best) => Reference::DidYouMean { best: best.to_string() },
        None => {
            let mut all: Vec<String> = candidates.into_iter().map(String::from).collect();
            all.sort();
            all.dedup();
            match all.len() {
                0 => Reference::NothingYet,
                1..=12 => Reference::ValidValues { values: List(all) },
                _ => Reference::ValidValuesInclude {
                    values: List(all[..12].to_vec()),
                },
            }
        }
    }
}

/// Samples of every variant of the catalogues of this module (the content kinds add their
/// own: `crate::kinds::messages`).
pub fn all_samples() -> Vec<Message> {
    let mut all: Vec<Message> = Vec::new();
    all.extend(Content::samples().into_iter().map(Message::from));
    all.extend(Yaml::samples().into_iter().map(Message::from));
    all.extend(Field::samples().into_iter().map(Message::from));
    all.extend(Reference::samples().into_iter().map(Message::from));
    all.extend(Config::samples().into_iter().map(Message::from));
    all.extend(Media::samples().into_iter().map(Message::from));
    all.extend(Check::samples().into_iter().map(Message::from));
    all.extend(Output::samples().into_iter().map(Message::from));
    all.extend(Cli::samples().into_iter().map(Message::from));
    all.extend(Init::samples().into_iter().map(Message::from));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_name_the_closest_or_list_the_valid_values_sorted() {
        assert_eq!(
            suggestion("lapas-lahta", ["lapas-lahat", "rutan"]),
            Reference::DidYouMean {
                best: "lapas-lahat".into()
            }
        );
        assert_eq!(
            suggestion("x", ["ac-2", "ac-10", "ac-1"]),
            Reference::ValidValues {
                values: List(vec!["ac-1".into(), "ac-10".into(), "ac-2".into()])
            }
        );
    }
}
