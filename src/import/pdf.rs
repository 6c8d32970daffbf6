//! The text of a PDF file, by pdf-extract. A PDF made by a scanner holds
//! pictures, not text: that reads as empty, and the caller says so.

/// The text of every page, pages one after another.
pub(super) fn text(bytes: &[u8]) -> Result<String, String> {
    // The reader can panic on damaged files; a damaged letter must not end
    // the program, and the panic hook would otherwise report a crash.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    std::panic::set_hook(hook);
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF reader gave up on this file".to_string()),
    }
}
