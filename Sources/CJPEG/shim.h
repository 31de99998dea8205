#ifndef IMPRENTA_CJPEG_SHIM_H
#define IMPRENTA_CJPEG_SHIM_H
// libjpeg (Debian libjpeg62-turbo-dev) reports errors by longjmp; this shim keeps that in C and
// gives Swift one call that either returns a JPEG or fails.
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>

struct imprenta_jpeg_error {
  struct jpeg_error_mgr base;
  jmp_buf jump;
};

static void imprenta_jpeg_fail(j_common_ptr cinfo) {
  struct imprenta_jpeg_error *e = (struct imprenta_jpeg_error *)cinfo->err;
  longjmp(e->jump, 1);
}

static void imprenta_jpeg_quiet(j_common_ptr cinfo, int level) { (void)cinfo; (void)level; }

/// Encodes interleaved 8-bit CMYK pixels (0 = no ink) as a baseline JPEG with the Adobe marker
/// and no colour transform, every channel at full resolution. On success returns 0 and a buffer
/// the caller frees with free().
static int imprenta_jpeg_encode_cmyk(const unsigned char *pixels, unsigned int width, unsigned int height, int quality,
                                     unsigned char **out, unsigned long *out_size) {
  struct jpeg_compress_struct cinfo;
  struct imprenta_jpeg_error err;
  unsigned char *volatile buffer = NULL;
  unsigned long size = 0;
  *out = NULL;
  *out_size = 0;
  cinfo.err = jpeg_std_error(&err.base);
  err.base.error_exit = imprenta_jpeg_fail;
  err.base.emit_message = imprenta_jpeg_quiet;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    if (buffer) free(buffer);
    return 1;
  }
  jpeg_create_compress(&cinfo);
  unsigned char *mem = NULL;
  jpeg_mem_dest(&cinfo, &mem, &size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_colorspace(&cinfo, JCS_CMYK);
  jpeg_set_quality(&cinfo, quality, TRUE);
  cinfo.optimize_coding = TRUE;
  jpeg_start_compress(&cinfo, TRUE);
  size_t stride = (size_t)width * 4;
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * stride);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  buffer = mem;
  jpeg_destroy_compress(&cinfo);
  *out = buffer;
  *out_size = size;
  return 0;
}
#endif
