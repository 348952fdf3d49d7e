package org.imrindex.model;

/**
 * The cover page's "Final Determination:" line.
 *
 * @param verdict uphold, overturn or partial overturn
 * @param explanation the sentence of explanation that follows it, or null
 */
public record FinalDetermination(Verdict verdict, String explanation) {}
