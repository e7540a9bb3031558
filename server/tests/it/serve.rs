//! The accept loop on a real socket: a client that never finishes its request head is cut off
//! after the header-read timeout, and connections past the bound are closed at once while the
//! open ones are still served.

use std::time::{Duration, Instant};

use server::http::serve::{spawn_for_tests, ServeLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::TestApp;

/// Reads until the server closes the connection; what it sent, or `None` if still open after `within`.
async fn read_to_close(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(String::from_utf8_lossy(&seen).into_owned()),
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
            Err(_) => return None,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_head_that_never_ends_is_cut_off() {
    let app = TestApp::new().await;
    let limits = ServeLimits {
        header_read_timeout: Duration::from_secs(1),
        ..Default::default()
    };
    let (addr, _server) = spawn_for_tests(app.router.clone(), limits).await.unwrap();
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    slow.write_all(b"GET /healthz/live HTTP/1.1\r\nHost: wif\r\nX-Slow: 1\r\n")
        .await
        .unwrap();
    let closed = read_to_close(&mut slow, Duration::from_secs(10)).await;
    let took = started.elapsed();
    assert!(
        closed.is_some(),
        "the half-sent request still holds its connection"
    );
    assert!(
        took >= Duration::from_millis(900),
        "closed after {took:?}, before the timeout"
    );
    eprintln!("half-sent head closed after {:.2} s", took.as_secs_f64());
    // A client that sends its head in time is served.
    let mut quick = TcpStream::connect(addr).await.unwrap();
    quick
        .write_all(b"GET /healthz/live HTTP/1.1\r\nHost: wif\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(&mut quick, Duration::from_secs(10))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_past_the_bound_are_closed_and_the_others_served() {
    let app = TestApp::new().await;
    let limits = ServeLimits {
        header_read_timeout: Duration::from_secs(30),
        max_connections: 4,
        ..Default::default()
    };
    let (addr, _server) = spawn_for_tests(app.router.clone(), limits).await.unwrap();
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        // A byte of a request, so that the connection is surely accepted and counted.
        s.write_all(b"G").await.unwrap();
        held.push(s);
    }
    // Let the server accept the four before the fifth arrives.
    let fifth_closed = {
        let mut outcome = None;
        for _ in 0..50 {
            let mut fifth = TcpStream::connect(addr).await.unwrap();
            if let Some(text) = read_to_close(&mut fifth, Duration::from_millis(200)).await {
                outcome = Some(text);
                break;
            }
        }
        outcome
    };
    assert_eq!(
        fifth_closed.as_deref(),
        Some(""),
        "a connection past the bound is closed without an answer"
    );
    // The held ones are still served.
    let first = &mut held[0];
    first
        .write_all(b"ET /healthz/live HTTP/1.1\r\nHost: wif\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(first, Duration::from_secs(10)).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
