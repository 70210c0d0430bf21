package cn.evcheck.model;

/**
 * What one formal document, evaluation or data-table file showed (PRODUCT.md §4 documents):
 * its red-header page, its seal page and its 文号 with where the number was read
 * ({@code text}, {@code ocr}, {@code sidecar} or {@code filename}) and, for a number read from a
 * text layer (the only source whose spelling can be trusted), whether it is written the GB/T 9704
 * way (null otherwise). {@code kind} is the material kind key.
 */
public record DocumentRecord(String file, String item, String kind, boolean redHeader, boolean seal, String number,
                             String numberSource, Boolean numberStandard) {}
