// The source of the test folders' precompiled-header targets (tests/CMakeLists.txt,
// confab_test_pch): they exist for their precompiled header, which the test programs reuse.
