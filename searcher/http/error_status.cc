#include "http/error_status.h"

#include <xapian.h>

#include "http/search_pool.h"
#include "vnews/error.h"

namespace vnews {

ErrorStatus error_status(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const QueryError& e) {
    return {400, e.what()};
  } catch (const NotFoundError& e) {
    return {404, e.what()};
  } catch (const OverloadedError& e) {
    return {503, e.what()};
  } catch (const TimeLimitError& e) {
    return {503, e.what()};
  } catch (const UnavailableError& e) {
    return {503, e.what()};
  } catch (const Xapian::DatabaseError& e) {
    return {503, "database unavailable: " + e.get_description()};
  } catch (const Xapian::NetworkError& e) {
    return {503, "database unavailable: " + e.get_description()};
  } catch (const Xapian::Error& e) {
    return {500, e.get_description()};
  } catch (const std::exception& e) {
    return {500, std::string("internal error: ") + e.what()};
  } catch (...) {
    return {500, "internal error"};
  }
}

}  // namespace vnews
