#include "net/iolink.h"

#include "net/ioconnection.h"

IoLink::IoLink(int descriptor, int threadIndex) : fd(descriptor), threadIndex(threadIndex) {}

IoLink::~IoLink() = default;
