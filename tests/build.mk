# tests/build.mk: unit tests (cmocka), one fragment per component.
-include tests/gen/build.mk
-include tests/tools/build.mk
-include tests/xen/build.mk
