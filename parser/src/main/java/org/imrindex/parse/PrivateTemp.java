package org.imrindex.parse;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A parser child's private temp folder: made owner-only (0700) as it is created, and removed with
 * whatever the child left in it (Tika copies a DOCX there whole, as apache-tika-*.tmp).
 */
final class PrivateTemp {

  /** Removal passes: a child that is still ending may add a file between the walk and the folder's removal. */
  private static final int ATTEMPTS = 5;

  private PrivateTemp() {}

  /** A new folder in base that only this user can enter (on POSIX file systems; elsewhere the base's own access applies). */
  static Path create(Path base) throws IOException {
    Files.createDirectories(base);
    if (base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(base, "imr-parser-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(base, "imr-parser-");
  }

  /** Removes the folder and all it holds, without following links; true when it is gone. */
  static boolean delete(Path dir) {
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
        return true;
      } catch (NoSuchFileException e) {
        return true;
      } catch (DirectoryNotEmptyException e) {
        // a file appeared during the walk: walk again
      } catch (IOException e) {
        return !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
    return !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
