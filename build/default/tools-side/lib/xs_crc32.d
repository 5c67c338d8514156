build/default/tools-side/lib/xs_crc32.o: tools-side/lib/xs_crc32.c \
 tools-side/include/xs_crc32.h
tools-side/include/xs_crc32.h:
