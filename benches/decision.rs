//! The Rust core's per-request decision, without Node: does an origin list allow this origin?
//! Run with `npm run bench:rust` (`cargo bench --no-default-features`: no Node-API binding).
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};

use cors_native::js_regex::JsPattern;
use cors_native::origin::list::OriginList;

fn origin_list(exact: Vec<String>, patterns: Vec<JsPattern>) -> OriginList {
    OriginList::new(exact, &patterns, false).expect("a valid origin list")
}

fn exact_origins(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("https://app{i}.example.com"))
        .collect()
}

fn tenant_patterns(count: usize) -> Vec<JsPattern> {
    (0..count)
        .map(|i| JsPattern {
            source: format!(r"^https:\/\/([a-z0-9-]+\.)*tenant{i}\.example\.com$"),
            flags: String::new(),
        })
        .collect()
}

fn exact_lists(c: &mut Criterion) {
    let mut group = c.benchmark_group("exact origins");
    for count in [11, 1_001, 100_000] {
        let compiled = origin_list(exact_origins(count), Vec::new());
        let allowed = format!("https://app{}.example.com", count / 2);
        group.bench_with_input(BenchmarkId::new("allowed", count), &allowed, |b, origin| {
            b.iter(|| compiled.allows(black_box(origin)))
        });
        group.bench_with_input(
            BenchmarkId::new("refused", count),
            "https://evil.example.com",
            |b, origin| b.iter(|| compiled.allows(black_box(origin))),
        );
    }
    group.finish();
}

fn pattern_lists(c: &mut Criterion) {
    let mut group = c.benchmark_group("RegExp origins");
    for count in [11, 100] {
        let compiled = origin_list(Vec::new(), tenant_patterns(count));
        let allowed = format!("https://x.tenant{}.example.com", count - 1);
        group.bench_with_input(BenchmarkId::new("allowed", count), &allowed, |b, origin| {
            b.iter(|| compiled.allows(black_box(origin)))
        });
        group.bench_with_input(
            BenchmarkId::new("refused", count),
            "https://x.tenant1.example.com.evil.net",
            |b, origin| b.iter(|| compiled.allows(black_box(origin))),
        );
    }
    group.finish();
}

fn compile(c: &mut Criterion) {
    c.bench_function("compile 100 RegExps", |b| {
        b.iter(|| origin_list(Vec::new(), tenant_patterns(black_box(100))))
    });
}

criterion_group!(benches, exact_lists, pattern_lists, compile);
criterion_main!(benches);
