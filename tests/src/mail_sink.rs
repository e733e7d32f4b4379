//! An email service of the test's own: the worker's `EMAIL_API_URL` points here, so the tests read
//! what a person's mailbox would receive (the portal sends through it as it would through a real
//! provider's HTTP API), and the outbox is read by staff as it is online: secrets masked.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use tokio::net::TcpListener;

/// One email as the provider received it.
#[derive(Debug, Clone, Deserialize)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
}

/// The running sink: its address and what it received, in order.
#[derive(Clone)]
pub struct MailSink {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

impl MailSink {
    /// Listen on a free loopback port, in the background of the current tokio runtime.
    pub async fn start() -> Result<MailSink> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .context("binding the mail sink")?;
        let addr: SocketAddr = listener.local_addr()?;
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req: Request<Incoming>| {
                        let store = store.clone();
                        async move {
                            let body = req.into_body().collect().await.map(|b| b.to_bytes());
                            let status = match body
                                .ok()
                                .and_then(|b| serde_json::from_slice::<Received>(&b).ok())
                            {
                                Some(email) => {
                                    if let Ok(mut all) = store.lock() {
                                        all.push(email);
                                    }
                                    200
                                }
                                None => 400,
                            };
                            let mut resp = Response::new(Full::new(Bytes::from_static(b"{}")));
                            *resp.status_mut() =
                                hyper::StatusCode::from_u16(status).unwrap_or_default();
                            Ok::<_, Infallible>(resp)
                        }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Ok(MailSink {
            url: format!("http://{addr}/emails"),
            received,
        })
    }

    /// Everything received so far to `to`.
    pub fn to(&self, to: &str) -> Vec<Received> {
        self.received
            .lock()
            .map(|all| {
                all.iter()
                    .filter(|e| e.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Everything received so far.
    pub fn all(&self) -> Vec<Received> {
        self.received.lock().map(|a| a.clone()).unwrap_or_default()
    }
}
