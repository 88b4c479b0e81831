/** The login role the tests' app connects as: a member of jisr_app (the server's rights), owner of nothing. */
export const TEST_RUNTIME_ROLE = { name: 'jisr_test_runtime', password: 'jisr-test-runtime' } as const;
