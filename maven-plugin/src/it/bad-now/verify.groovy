// An invalid now fails the build before anything is read, and says what is expected.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Invalid now 'yesterday': expected an ISO-8601 instant such as 2026-11-24T00:00:00Z") : 'the failure says what now expects'
assert !new File(basedir, 'target/site').exists() : 'no site was written'
