//! Every error answer is JSON, `{"error": "…"}`: the handlers' own ([`ApiError`]) and, through
//! [`json_errors`], whatever axum or a layer answered as text (a query that does not parse, an
//! unknown path, a body too large).

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rasad_store::StoreError;

/// An API error: its status and what to tell the client.
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    /// A 400 with this message.
    pub fn bad(msg: impl Into<String>) -> Self {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

/// The JSON answer of an error.
pub fn json_error(status: StatusCode, msg: &str) -> Response {
    (status, Json(serde_json::json!({ "error": msg }))).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_error(self.0, &self.1)
    }
}

impl From<StoreError> for ApiError {
    /// Bad arguments are the client's (400); a query over its time budget is 503; anything else
    /// is ours, told on standard error and answered without the database's words.
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => ApiError::bad(m),
            e if e.is_interrupted() => {
                ApiError(StatusCode::SERVICE_UNAVAILABLE, "the query took too long; narrow it with more filters".into())
            }
            other => {
                eprintln!("rasad serve: {other}");
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, "internal error reading the store".into())
            }
        }
    }
}

/// Longest text body of an error answer that is kept as its message.
const MAX_MESSAGE: usize = 512;

/// Turns any error answer that is not JSON into `{"error": …}` with the same status (the text
/// it had, or the status's reason).
pub async fn json_errors(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let text = axum::body::to_bytes(body, MAX_MESSAGE).await.ok().and_then(|b| String::from_utf8(b.to_vec()).ok());
    let msg = text
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_string());
    let mut out = json_error(status, &msg);
    for (name, value) in parts.headers.iter().filter(|(n, _)| *n != header::CONTENT_TYPE && *n != header::CONTENT_LENGTH) {
        out.headers_mut().insert(name, value.clone());
    }
    out
}
