import ArgumentParser
import Glibc

ImprentaCommand.main()
// Done: end without running the libraries' exit handlers and destructors (OpenSSL, libxml2, ICU
// and the PDF libraries each free their state object by object; the system reclaims it at once).
// Errors exit through ArgumentParser before this line.
fflush(nil)
_exit(0)
