//! What every request goes through before a handler: the Host check (no DNS rebinding), the
//! method and query-length limits, the per-address rate limit; and the security headers every
//! answer carries, errors included.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::errors::json_error;

/// The Content-Security-Policy of every response: only this origin's scripts, styles and data.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Longest query string accepted.
pub const MAX_QUERY: usize = 2048;

/// Which Host headers are answered: the bound address, localhost names and the names given.
#[derive(Debug, Clone)]
pub struct Hosts {
    bound: SocketAddr,
    names: Vec<String>,
}

impl Hosts {
    /// The hosts of a server bound at `bound`, with `extra` names (or addresses) allowed too.
    pub fn new(bound: SocketAddr, extra: &[String]) -> Self {
        Hosts { bound, names: extra.iter().map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase()).collect() }
    }

    /// True when a request naming `host` (a Host header: name or address, with or without a
    /// port) may be answered. A page served from another name that resolves here (DNS rebinding)
    /// sends its own name and is refused.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let name = match host.strip_prefix('[') {
            Some(rest) => rest.split(']').next().unwrap_or(""),
            None => host.rsplit_once(':').filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit())).map_or(host.as_str(), |(h, _)| h),
        };
        let name = name.trim_end_matches('.');
        if name.is_empty() {
            return false;
        }
        if name == "localhost" || name.ends_with(".localhost") || self.names.iter().any(|n| n == name) {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bound.ip() || self.bound.ip().is_unspecified(),
            Err(_) => false,
        }
    }
}

/// The per-address rate limit (none when the quota is 0).
pub struct Limiter(Option<DefaultKeyedRateLimiter<IpAddr>>);

impl Limiter {
    /// `per_minute` requests per client address a minute, in bursts of up to as many.
    pub fn new(per_minute: u32) -> Self {
        Limiter(NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))))
    }

    fn allows(&self, ip: IpAddr) -> bool {
        let Some(l) = &self.0 else { return true };
        if l.len() > 10_000 {
            l.retain_recent();
            l.shrink_to_fit();
        }
        l.check_key(&ip).is_ok()
    }
}

/// State of the guard.
#[derive(Clone)]
pub struct Guard {
    /// Hosts answered.
    pub hosts: Arc<Hosts>,
    /// Rate limit.
    pub limiter: Arc<Limiter>,
}

/// The Host check, the method and query limits and the rate limit, in that order.
pub async fn guard(State(g): State<Guard>, ConnectInfo(addr): ConnectInfo<SocketAddr>, req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).or_else(|| req.uri().authority().map(|a| a.as_str()));
    match host {
        Some(h) if g.hosts.allows(h) => {}
        Some(_) => {
            return json_error(
                StatusCode::MISDIRECTED_REQUEST,
                "this server answers only to its own address and localhost names (see rasad serve --allow-host)",
            );
        }
        None => return json_error(StatusCode::BAD_REQUEST, "a Host header is required"),
    }
    if req.uri().query().is_some_and(|q| q.len() > MAX_QUERY) {
        return json_error(StatusCode::URI_TOO_LONG, &format!("query longer than {MAX_QUERY} bytes"));
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = json_error(StatusCode::METHOD_NOT_ALLOWED, "read-only: GET and HEAD only");
        r.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    if !g.limiter.allows(addr.ip()) {
        let mut r = json_error(StatusCode::TOO_MANY_REQUESTS, "too many requests from this address; wait a minute");
        r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return r;
    }
    next.run(req).await
}

/// The security headers, on every answer.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bound_address_and_localhost_names_are_answered() {
        let h = Hosts::new("127.0.0.1:8080".parse().unwrap(), &["rasad.lan".into()]);
        for ok in [
            "127.0.0.1:8080",
            "127.0.0.1",
            "localhost:8080",
            "LOCALHOST",
            "app.localhost:1",
            "[::1]:8080",
            "rasad.lan",
            "rasad.lan.:80",
            "127.0.0.2",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for no in
            ["evil.example:8080", "evil.example", "localhost.evil.example", "192.168.1.5:8080", "", ":8080", "[evil]", "127.0.0.1.nip.io"]
        {
            assert!(!h.allows(no), "{no}");
        }
        let any = Hosts::new("0.0.0.0:8080".parse().unwrap(), &[]);
        assert!(any.allows("192.168.1.5:8080") && !any.allows("evil.example:8080"));
    }
}
