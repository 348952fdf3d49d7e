package org.imrindex.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imrindex.model.LetterJson;

/**
 * An analysis saved to be cited and run again ({@code --save FILE.json}, {@code imr rerun}): the
 * question, the index commit it ran on, the tool that ran it, and the result.
 *
 * @param question the request (its "command" says which: report, search, terms)
 * @param index the index commit it ran on
 * @param toolVersion the version of imr that ran it
 * @param analysisChain the id of the analysis chain the index was built (and the query analysed) with
 * @param result what the command's {@code --format json} prints
 */
public record SavedAnalysis(ObjectNode question, IndexSnapshot index, String toolVersion, String analysisChain, JsonNode result) {

  /** The value of the file's "format" key. */
  public static final String FORMAT = "imr-saved-analysis/1";

  /** The command the question is of. */
  public String command() {
    return question.path("command").asText();
  }

  /** The file's JSON: format, question, index, tool, result. */
  public ObjectNode toJson() {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.put("format", FORMAT);
    o.set("question", question);
    ObjectNode i = o.putObject("index");
    i.put("generation", index.generation()).put("letters", index.letters()).put("decisions", index.decisions());
    ObjectNode data = i.putObject("user_data");
    index.userData().forEach(data::put);
    o.putObject("tool").put("version", toolVersion).put("analysis_chain", analysisChain);
    o.set("result", result);
    return o;
  }

  /** Refuses, before the question runs, a file that cannot be saved to: its folder is missing, or it is a folder. */
  public static void checkTarget(Path file) throws QuerySyntaxException {
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new QuerySyntaxException("--save " + file + " is a folder, not a file");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new QuerySyntaxException("--save " + file + ": no folder " + dir);
    }
  }

  /** Writes the file whole or not at all: into a partial file beside it, moved over it when complete. */
  public void write(Path file) throws IOException {
    byte[] json = LetterJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson());
    try {
      WholeFile.write(file, out -> {
        out.write(json);
        out.write('\n');
        return null;
      });
    } catch (java.nio.file.FileSystemException e) {
      throw new IOException("cannot save " + file + ": " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName())
          + " (" + e.getFile() + ")", e);
    }
  }

  /**
   * Reads a saved analysis; a missing, unreadable or malformed file is refused with a one-line reason.
   */
  public static SavedAnalysis read(Path file) throws QuerySyntaxException {
    JsonNode o;
    try {
      o = LetterJson.mapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new QuerySyntaxException("no saved analysis at " + file);
    } catch (JsonProcessingException e) {
      throw new QuerySyntaxException(file + " is not JSON (line " + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new QuerySyntaxException("cannot read " + file + ": " + e.getMessage());
    }
    if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
      throw new QuerySyntaxException(file + " is not a saved analysis (no \"format\": \"" + FORMAT + "\")");
    }
    JsonNode q = o.get("question");
    JsonNode i = o.get("index");
    JsonNode t = o.get("tool");
    JsonNode result = o.get("result");
    if (q == null || !q.isObject() || !q.path("command").isTextual()) {
      throw new QuerySyntaxException(file + " has no question with a command");
    }
    if (i == null || !i.isObject() || !i.path("generation").canConvertToLong() || !i.path("letters").canConvertToLong()
        || !i.path("decisions").canConvertToLong() || !i.path("generation").isIntegralNumber()) {
      throw new QuerySyntaxException(file + " has no index snapshot (generation, letters, decisions)");
    }
    if (t == null || !t.path("version").isTextual() || !t.path("analysis_chain").isTextual()) {
      throw new QuerySyntaxException(file + " has no tool (version, analysis_chain)");
    }
    if (result == null || !result.isObject()) {
      throw new QuerySyntaxException(file + " has no result");
    }
    Map<String, String> data = new LinkedHashMap<>();
    i.path("user_data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
    return new SavedAnalysis((ObjectNode) q, new IndexSnapshot(i.get("generation").asLong(), data, i.get("letters").asLong(),
        i.get("decisions").asLong()), t.get("version").asText(), t.get("analysis_chain").asText(), result);
  }
}
