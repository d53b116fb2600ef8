package org.shebao.contribution;

/** How a declaration came in: an uploaded CSV or Excel file, or the JSON API. */
public enum DeclarationChannel {
    CSV, XLSX, API
}
