/**
 * The drug lexicon: brand, generic and class of the drugs disputed in California workers'
 * compensation, loaded from {@code drugs.txt}. Pure Java with no Lucene imports, so the parser can
 * resolve drugs without the analysis stack; the medical analyzers build their synonyms from it.
 */
package org.imrindex.lexicon;
