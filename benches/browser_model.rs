//! The browser model deciding one exchange, per engine, without Node.
//! Run with `npm run bench:rust` (`cargo bench --no-default-features`).
use criterion::{black_box, criterion_group, criterion_main, Criterion};

use cors_native::browser::{predict, Credentials, Exchange, Request, Response};

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn exchange(preflight_status: u16) -> Exchange {
    let url = "https://api.example.com/todos/1".to_string();
    Exchange {
        request: Request {
            url: url.clone(),
            origin: "https://app.example.com".into(),
            method: "PUT".into(),
            headers: headers(&[
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer abc"),
                ("X-Request-Id", "42"),
            ]),
            credentials: Credentials::Include,
            network: Default::default(),
        },
        preflight: Some(Response {
            url: url.clone(),
            status: preflight_status,
            headers: headers(&[
                ("Vary", "Origin"),
                ("Access-Control-Allow-Origin", "https://app.example.com"),
                ("Access-Control-Allow-Credentials", "true"),
                (
                    "Access-Control-Allow-Methods",
                    "GET,HEAD,PUT,PATCH,POST,DELETE",
                ),
                (
                    "Access-Control-Allow-Headers",
                    "content-type,authorization,x-request-id",
                ),
                ("Access-Control-Max-Age", "600"),
            ]),
            preflight: None,
        }),
        responses: vec![Response {
            url,
            status: 200,
            headers: headers(&[
                ("Content-Type", "application/json"),
                ("Vary", "Origin"),
                ("Access-Control-Allow-Origin", "https://app.example.com"),
                ("Access-Control-Allow-Credentials", "true"),
            ]),
            preflight: None,
        }],
    }
}

fn decide(c: &mut Criterion) {
    let allowed = exchange(204);
    c.bench_function(
        "browser model: credentialed PUT, allowed by 3 engines",
        |b| b.iter(|| predict(black_box(&allowed))),
    );
    let refused = exchange(403);
    c.bench_function("browser model: credentialed PUT, preflight refused", |b| {
        b.iter(|| predict(black_box(&refused)))
    });
}

criterion_group!(benches, decide);
criterion_main!(benches);
