//! Which templates a page's template is made of: itself, the templates it extends and
//! includes, and the templates that define the components it calls — each followed in turn.
//! A page records them as it renders, so that editing `page.html` renders again only the
//! plain pages, and editing `components.html` every page that calls one of its components.
//!
//! Tera does not tell, so the template sources are read: a name in quotes after `extends` or
//! `include`, a component definition `{% component name(…) %}`, and a call `<name` of a
//! defined component anywhere. Reading too much only renders more; a template that includes a
//! name that is not in quotes is taken to depend on every template.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// For each template, every template its output may depend on, itself included, sorted.
pub fn dependencies<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)> + Clone) -> HashMap<String, Vec<String>> {
    let defined: HashMap<String, String> = sources
        .clone()
        .into_iter()
        .flat_map(|(name, source)| components(source).into_iter().map(move |c| (c, name.to_string())))
        .collect();
    let all: BTreeSet<String> = sources.clone().into_iter().map(|(name, _)| name.to_string()).collect();
    let direct: BTreeMap<String, BTreeSet<String>> = sources
        .into_iter()
        .map(|(name, source)| (name.to_string(), direct(source, &defined, &all)))
        .collect();
    direct
        .keys()
        .map(|name| (name.clone(), closure(name, &direct)))
        .collect()
}

/// The templates `source` names directly.
fn direct(source: &str, defined: &HashMap<String, String>, all: &BTreeSet<String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for keyword in ["extends", "include"] {
        for tag in tags(source).filter(|tag| tag.split_whitespace().next() == Some(keyword)) {
            match quoted(&tag[keyword.len()..]) {
                Some(name) => {
                    names.insert(name.to_string());
                }
                None => return all.clone(),
            }
        }
    }
    for (component, definer) in defined {
        if calls(source, component) {
            names.insert(definer.clone());
        }
    }
    names
}

/// Every template reachable from `start`, itself included.
fn closure(start: &str, direct: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut seen = BTreeSet::from([start.to_string()]);
    let mut todo = vec![start.to_string()];
    while let Some(name) = todo.pop() {
        for next in direct.get(&name).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen.into_iter().collect()
}

/// The inside of every `{% … %}` tag, trimmed of `-` and spaces.
fn tags(source: &str) -> impl Iterator<Item = &str> {
    source.split("{%").skip(1).filter_map(|rest| {
        let (inside, _) = rest.split_once("%}")?;
        Some(inside.trim_matches(|c: char| c == '-' || c.is_whitespace()))
    })
}

/// The first string in quotes of `text`, when it starts with one.
fn quoted(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let quote = text.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
    text[1..].split(quote).next()
}

/// The components a template defines.
fn components(source: &str) -> Vec<String> {
    tags(source)
        .filter_map(|tag| tag.strip_prefix("component "))
        .filter_map(|rest| {
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/// Whether `source` calls `component` (`<name` followed by a character that ends a name).
fn calls(source: &str, component: &str) -> bool {
    let call = format!("<{component}");
    source.match_indices(&call).any(|(at, _)| {
        source[at + call.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deps(templates: &[(&str, &str)]) -> HashMap<String, Vec<String>> {
        dependencies(templates.iter().copied())
    }

    #[test]
    fn a_page_depends_on_its_parents_includes_and_the_components_it_calls() {
        let found = deps(&[
            (
                "base.html",
                "<html>{% block main %}{% endblock main %}{% include \"footer.html\" %}</html>",
            ),
            ("footer.html", "<footer>{{ <chips terms=[] /> }}</footer>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block main %}x{% endblock main %}",
            ),
            (
                "story.html",
                "{%- extends 'base.html' -%}{% block main %}{{ <share title=\"t\" /> }}{% endblock main %}",
            ),
            (
                "components.html",
                "{% component chips(terms) %}c{% endcomponent chips %}{% component share(title) %}s{% endcomponent share %}",
            ),
        ]);
        assert_eq!(
            deps_of(&found, "page.html"),
            ["base.html", "components.html", "footer.html", "page.html"]
        );
        assert_eq!(deps_of(&found, "components.html"), ["components.html"]);
    }

    #[test]
    fn only_pages_that_call_a_component_depend_on_its_template() {
        let found = deps(&[
            ("base.html", "<main>{% block main %}{% endblock main %}</main>"),
            ("page.html", "{% extends \"base.html\" %}<picture>"),
            ("story.html", "{% extends \"base.html\" %}{{ <share_bar /> }}"),
            (
                "components.html",
                "{% component share(title) %}{% endcomponent share %}",
            ),
        ]);
        assert_eq!(deps_of(&found, "page.html"), ["base.html", "page.html"]);
        assert_eq!(
            deps_of(&found, "story.html"),
            ["base.html", "story.html"],
            "share_bar is not share"
        );
    }

    #[test]
    fn an_include_by_variable_depends_on_every_template() {
        let found = deps(&[("a.html", "{% include page.template %}"), ("b.html", "b")]);
        assert_eq!(deps_of(&found, "a.html"), ["a.html", "b.html"]);
    }

    fn deps_of<'f>(found: &'f HashMap<String, Vec<String>>, name: &str) -> Vec<&'f str> {
        found[name].iter().map(String::as_str).collect()
    }
}
