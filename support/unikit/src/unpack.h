/* Unpacks tar.{gz,xz,bz2} or zip archives, refusing every entry that would land outside. */
#ifndef UNIKIT_UNPACK_H
#define UNIKIT_UNPACK_H

/* Extracts `archive` into the existing empty folder `dir`, dropping `strip` leading path
 * components. Refused (error, returns -1, logged): absolute paths, ".." components, symlinks
 * whose target leaves the tree, hard links to paths outside it, writes through symlinks, and
 * types other than file/folder/symlink/hard link. The caller removes `dir` on failure. */
int unpack_archive(const char *archive, const char *dir, unsigned int strip);

#endif
