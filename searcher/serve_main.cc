// vnews-serve: a vnews database over HTTP, as JSON and as a search page.
#include <xapian.h>

#include <iostream>

#include "http/serve.h"
#include "http/serve_options.h"
#include "vnews/error.h"
#include "vnews/version.h"

int main(int argc, char** argv) {
  try {
    const vnews::ServeOptions options = vnews::parse_serve_options(argc, argv);
    if (options.help) {
      std::cout << vnews::serve_usage();
      return 0;
    }
    if (options.version) {
      std::cout << vnews::version_text("vnews-serve");
      return 0;
    }
    vnews::run_serve(options, std::cerr);
    return 0;
  } catch (const vnews::UsageError& e) {
    std::cerr << "vnews-serve: " << e.what() << "\nTry 'vnews-serve --help'.\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "vnews-serve: " << e.get_description() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vnews-serve: " << e.what() << '\n';
    return 2;
  }
}
