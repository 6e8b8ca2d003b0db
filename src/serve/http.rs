//! The dev server's HTTP side (axum): serves the last good build (with the theme's asset
//! addresses filled in), the live-reload script and its event stream. Only paths of the
//! built site are served; anything else gets the language's 404 page. Only requests
//! addressed to this computer by an IP address or `localhost` are answered (a web page
//! elsewhere cannot read the preview through DNS rebinding), and every response carries
//! the Content-Security-Policy of the published site.

use std::convert::Infallible;
use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};

use super::{LiveEvent, Shared};
use crate::render::Assets;

const LIVE_SCRIPT: &str = include_str!("live.js");
const LIVE_PATH: &str = "/__etalase/live.js";
const EVENTS_PATH: &str = "/__etalase/events";

/// The Content-Security-Policy the published site is served with (`netlify.toml` sends the
/// same; a test keeps them equal): the preview breaks where the live site would.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route(LIVE_PATH, get(live_script))
        .route(EVENTS_PATH, get(live_events))
        .fallback(get(site_file))
        .with_state(shared)
        .layer(middleware::from_fn(guard))
}

/// Refuses requests for another host name, and adds the site's security headers.
async fn guard(request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(is_local_host) {
        return (
            StatusCode::FORBIDDEN,
            "The preview answers only at http://localhost or an IP address of this computer.\n",
        )
            .into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// A `Host` header naming this computer: an IP address (a page elsewhere cannot rebind a
/// name to it) or `localhost`, with or without a port.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((address, port)) if port.is_empty() || is_port(port) => address,
            _ => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            _ => host,
        },
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

fn is_port(text: &str) -> bool {
    text.strip_prefix(':').unwrap_or(text).parse::<u16>().is_ok()
}

async fn live_script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], LIVE_SCRIPT).into_response()
}

/// Server-sent events: the current error first (if any), then every rebuild.
async fn live_events(State(shared): State<Shared>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let first = shared
        .error
        .borrow()
        .clone()
        .map(|message| to_event(&LiveEvent::Error(message)));
    let receiver = shared.events.subscribe();
    let shutdown = shared.shutdown.clone();
    let updates = stream::unfold((receiver, shutdown), |(mut receiver, mut shutdown)| async move {
        tokio::select! {
            _ = shutdown.changed() => None,
            message = receiver.recv() => match message {
                Ok(event) => Some((Ok(to_event(&event)), (receiver, shutdown))),
                // Missed events: a reload shows the latest site all the same.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    Some((Ok(to_event(&LiveEvent::Reload)), (receiver, shutdown)))
                }
                Err(_) => None,
            },
        }
    });
    let stream = futures_util::StreamExt::chain(stream::iter(first.map(Ok)), updates);
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

fn to_event(event: &LiveEvent) -> Event {
    match event {
        LiveEvent::Reload => Event::default().event("reload").data("reload"),
        LiveEvent::Css => Event::default().event("css").data("css"),
        LiveEvent::Unchanged => Event::default().event("unchanged").data("unchanged"),
        LiveEvent::Error(message) => Event::default().event("build-error").data(message.as_ref()),
    }
}

async fn site_file(State(shared): State<Shared>, uri: Uri) -> Response {
    let snapshot = shared.snapshot.borrow().clone();
    let Some(path) = decode_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    if path.split('/').any(|segment| segment == ".." || segment == ".") || path.contains('\\') {
        return (StatusCode::FORBIDDEN, "forbidden").into_response();
    }
    let mut key = path.trim_start_matches('/').to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    if let Some(file) = snapshot.file(&key) {
        return respond(&key, file, &snapshot.assets, StatusCode::OK).await;
    }
    if let Some(file) = key
        .strip_prefix("pagefind/")
        .and_then(|rest| search_file(&shared, rest))
    {
        return respond(&key, &file, &Assets::default(), StatusCode::OK).await;
    }
    if snapshot.file(&format!("{key}/index.html")).is_some() {
        let location = format!("{}/", uri.path());
        return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response();
    }
    // The 404 page of the language the path is in.
    let language_404 = key
        .split_once('/')
        .map(|(first, _)| format!("{first}/404.html"))
        .filter(|candidate| snapshot.file(candidate).is_some())
        .unwrap_or_else(|| "404.html".to_string());
    match snapshot.file(&language_404) {
        Some(file) => respond(&language_404, file, &snapshot.assets, StatusCode::NOT_FOUND).await,
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// A file of the search index (`pagefind/…` of the site): from the newest index that has it.
fn search_file(shared: &Shared, path: &str) -> Option<std::path::PathBuf> {
    let folders = shared.search.borrow().clone();
    folders
        .iter()
        .filter_map(|folder| crate::output::preview::inside(folder, path))
        .find(|file| file.is_file())
}

async fn respond(path: &str, file: &Path, assets: &Assets, status: StatusCode) -> Response {
    let bytes = match tokio::fs::read(file).await {
        Ok(bytes) => bytes,
        Err(_) => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        with_live_script(&assets.fill(&bytes))
    } else if content_type.starts_with("text/")
        || content_type.starts_with("application/xml")
        || content_type == "application/json"
    {
        Bytes::from(assets.fill(&bytes).into_owned())
    } else {
        Bytes::from(bytes)
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The page with the live-reload script before `</body>`.
fn with_live_script(html: &[u8]) -> Bytes {
    let tag = format!("<script src=\"{LIVE_PATH}\" defer></script>");
    let at = html.windows(7).rposition(|w| w == b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    Bytes::from(out)
}

/// Percent-decodes a URL path; `None` when it is not UTF-8 or holds a NUL.
fn decode_path(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut ix = 0;
    while ix < bytes.len() {
        if bytes[ix] == b'%' {
            let hex = std::str::from_utf8(bytes.get(ix + 1..ix + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            ix += 3;
        } else {
            out.push(bytes[ix]);
            ix += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains('\0')).then_some(decoded)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_paths() {
        assert_eq!(decode_path("/a%20b/").as_deref(), Some("/a b/"));
        assert_eq!(decode_path("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(decode_path("/%zz"), None);
        assert_eq!(decode_path("/%00"), None);
        assert_eq!(decode_path("/%2"), None);
    }

    #[test]
    fn answers_only_local_host_names() {
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.:1111",
            "127.0.0.1:1111",
            "127.0.0.1",
            "[::1]:1111",
            "[::1]",
            "192.168.1.5:1111",
            "app.localhost:1111",
        ] {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io:1111",
            "[::1]x",
            "",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    #[test]
    fn the_preview_sends_the_policy_of_the_published_site() {
        let netlify = include_str!("../../netlify.toml");
        assert!(
            netlify.contains(&format!("Content-Security-Policy = \"{CONTENT_SECURITY_POLICY}\"")),
            "netlify.toml and the dev server send the same policy"
        );
    }

    #[test]
    fn injects_the_live_script_before_body_end() {
        let out = with_live_script(b"<body><p>x</p></body></html>");
        assert!(String::from_utf8_lossy(&out).contains("live.js\" defer></script></body>"));
    }
}
