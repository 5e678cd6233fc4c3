# Writes a C source holding a file's bytes: cmake -DIN=FILE -DOUT=C_FILE -P embed_model.cmake
# IN may be missing: the source then holds no model (size 0).
if(EXISTS "${IN}")
  file(READ "${IN}" hex HEX)
  string(LENGTH "${hex}" n)
  math(EXPR size "${n} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n" bytes "${bytes}")
else()
  set(size 0)
  set(bytes "0")
endif()
file(WRITE "${OUT}.tmp"
"/* generated from models/default.plm by scripts/embed_model.cmake; do not edit */
#include <stddef.h>
#include \"default_model.h\"
static const unsigned char data[] = {
${bytes}
};
const unsigned char *const pl_default_model = data;
const size_t pl_default_model_size = ${size};
")
file(RENAME "${OUT}.tmp" "${OUT}")
