//! Security headers and cookies, in one layer around every answer:
//! - pages: a Content-Security-Policy whose scripts need this answer's nonce (leptos puts it on
//!   its own scripts) or come from this site, `'wasm-unsafe-eval'` for the front end's wasm;
//! - applicants' documents: `sandbox` for images (no script, no same-origin access); PDFs are
//!   not sandboxed because Chromium refuses to run its PDF viewer in a sandbox (chromium issue
//!   413851): their bytes were checked to be a PDF, and the viewer runs apart from our pages;
//! - signed-in pages and server-function answers: `Cache-Control: no-store`;
//! - over https: `Strict-Transport-Security`, and the session cookies named `__Host-…` and
//!   `Secure` (a sibling subdomain cannot set them), renamed here so the app knows one name;
//! - everywhere: `Permissions-Policy` turning off what the service never uses.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// This answer's CSP nonce, put in the request's extensions for the page's scripts.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The cookies that carry a session: `__Host-` prefixed over https.
const SESSION_COOKIES: [&str; 2] = [
    app::api::SESSION_COOKIE,
    app::api::instruction::AGENT_COOKIE,
];
const HOST_PREFIX: &str = "__Host-";

#[derive(Clone, Debug)]
pub struct HeaderPolicy {
    pub https: bool,
}

fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

const IMAGE_CSP: &str = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
const PDF_CSP: &str = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; \
     object-src 'self'; frame-ancestors 'self'";
const OTHER_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// Paths whose pages show or take personal data: never stored by the browser or a proxy.
fn private_path(path: &str) -> bool {
    ["/api/", "/demande", "/suivi", "/instruction", "/acces"]
        .iter()
        .any(|p| path.starts_with(p))
}

fn is_document(path: &str) -> bool {
    path.starts_with("/demande/fichier/") || path.starts_with("/instruction/fichier/")
}

/// Over https, only `__Host-` session cookies are believed, under their plain name.
fn host_cookies_in(headers: &mut HeaderMap) {
    let kept: Vec<String> = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            if SESSION_COOKIES.contains(&name) {
                None
            } else {
                Some(
                    pair.strip_prefix(HOST_PREFIX)
                        .filter(|rest| {
                            SESSION_COOKIES.contains(&rest.split('=').next().unwrap_or(""))
                        })
                        .unwrap_or(pair)
                        .to_owned(),
                )
            }
        })
        .collect();
    headers.remove(header::COOKIE);
    if !kept.is_empty() {
        if let Ok(v) = HeaderValue::from_str(&kept.join("; ")) {
            headers.insert(header::COOKIE, v);
        }
    }
}

fn host_cookies_out(headers: &mut HeaderMap) {
    let set: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| {
            let text = v.to_str().unwrap_or("");
            let name = text.split('=').next().unwrap_or("");
            if SESSION_COOKIES.contains(&name) {
                HeaderValue::from_str(&format!("{HOST_PREFIX}{text}; Secure"))
                    .unwrap_or_else(|_| v.clone())
            } else {
                v.clone()
            }
        })
        .collect();
    headers.remove(header::SET_COOKIE);
    for v in set {
        headers.append(header::SET_COOKIE, v);
    }
}

pub async fn security_headers(
    State(policy): State<Arc<HeaderPolicy>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = crate::infra::secret::new_token()[..32].to_owned();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    if policy.https {
        host_cookies_in(request.headers_mut());
    }
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if policy.https {
        host_cookies_out(headers);
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let csp = if content_type.starts_with("text/html") {
        page_csp(&nonce)
    } else if is_document(&path) && content_type == "application/pdf" {
        PDF_CSP.to_owned()
    } else if is_document(&path) {
        IMAGE_CSP.to_owned()
    } else {
        OTHER_CSP.to_owned()
    };
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), \
             serial=(), hid=(), midi=(), display-capture=(), interest-cohort=()",
        ),
    );
    if private_path(&path) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_only_host_prefixed_session_cookies_are_believed() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static(
                "wif_session=tossed; __Host-wif_agent=a1; wif_lang=en; __Host-other=x",
            ),
        );
        host_cookies_in(&mut h);
        assert_eq!(
            h[header::COOKIE],
            "wif_agent=a1; wif_lang=en; __Host-other=x"
        );
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("wif_session=tossed"),
        );
        host_cookies_in(&mut h);
        assert!(h.get(header::COOKIE).is_none());
    }

    #[test]
    fn session_cookies_go_out_host_prefixed_and_secure() {
        let mut h = HeaderMap::new();
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("wif_session=t; Path=/; HttpOnly; SameSite=Lax"),
        );
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("wif_lang=fr; Path=/; SameSite=Lax"),
        );
        host_cookies_out(&mut h);
        let set: Vec<_> = h.get_all(header::SET_COOKIE).iter().collect();
        assert_eq!(
            set[0],
            "__Host-wif_session=t; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert_eq!(set[1], "wif_lang=fr; Path=/; SameSite=Lax");
    }

    #[test]
    fn which_paths_are_private() {
        for (path, private) in [
            ("/api/demande/acces", true),
            ("/demande/etudiant", true),
            ("/suivi", true),
            ("/instruction/file", true),
            ("/acces", true),
            ("/", false),
            ("/eligibilite", false),
            ("/pkg/work-in-france.wasm", false),
            ("/verifier", false),
        ] {
            assert_eq!(private_path(path), private, "{path}");
        }
    }
}
