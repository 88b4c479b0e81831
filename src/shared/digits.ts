/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII ones: "١٩٩٤" is the year 1994, "TUN-٢٠٢٦" a reference. */
export const asciiDigits = (s: string) => s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
