/**
 * Version of the catalogue data shipped in this build. Bump it whenever an id, title, guidance text,
 * threat or mapping changes, so stored references can tell which catalogue they were made against.
 */
export const catalogueVersion = "iso42001-2023.1";
