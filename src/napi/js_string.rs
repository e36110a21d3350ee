//! Reads a JS string as UTF-8 without a heap allocation when it fits a stack buffer, which
//! every real origin does; longer strings take the allocating path.
// The exports are only reachable from Node; unit tests build without them.
#![cfg_attr(test, allow(dead_code))]
use napi::bindgen_prelude::JsValue;
use napi::{sys, Error, JsString, Result, Status};

const STACK_BYTES: usize = 512;

pub fn with_utf8<R>(text: JsString, use_text: impl FnOnce(&str) -> R) -> Result<R> {
    let raw = text.value();
    let mut buffer = [0u8; STACK_BYTES];
    let mut written = 0usize;
    // SAFETY: the buffer outlives the call and its length is passed, so Node writes at most
    // STACK_BYTES - 1 bytes plus a terminating NUL.
    let status = unsafe {
        sys::napi_get_value_string_utf8(
            raw.env,
            raw.value,
            buffer.as_mut_ptr().cast(),
            STACK_BYTES,
            &mut written,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(Error::new(
            Status::StringExpected,
            "expected a string".to_string(),
        ));
    }
    if written < STACK_BYTES - 1 {
        // Node writes whole UTF-8 sequences (lone surrogates become U+FFFD), so this cannot fail.
        let text = std::str::from_utf8(&buffer[..written])
            .map_err(|err| Error::from_reason(err.to_string()))?;
        return Ok(use_text(text));
    }
    // The buffer may have been cut short; read the whole string.
    let whole = text.into_utf8()?;
    Ok(use_text(whole.as_str()?))
}
