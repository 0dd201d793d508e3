// libFuzzer target for the protocol library: bytes go through IrcLineFramer in reads whose sizes
// the input chooses, every line through IrcMessage::parse, every parsed message back through
// serialize/toWire. It checks the library's promises, not only that nothing crashes:
//   - the framer never buffers more than its limits;
//   - a serialized message never contains CR, LF or NUL, and re-parses to the same message;
//   - toWire() never produces a non-tag part longer than the line limit.
#include "irclimits.h"
#include "irclineframer.h"
#include "ircmessage.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

void checkMessage(const IrcMessage& message)
{
    const QByteArray line = message.serialize();
    check(!line.isEmpty()); // everything parse() accepts can be serialized
    check(!line.contains('\r') && !line.contains('\n') && !line.contains('\0'));
    const std::optional<IrcMessage> again = IrcMessage::parse(line);
    check(again.has_value());
    IrcMessage expected = message;
    if (message.hasInvalidUtf8()) {
        // Serialized text is repaired UTF-8: compare with the repaired message.
        expected = *IrcMessage::parse(line);
    }
    check(*again == expected);

    const QByteArray wire = message.toWire(Limits::MaxLineBytes);
    if (!wire.isEmpty()) {
        check(wire.endsWith("\r\n"));
        const qsizetype tagBytes = wire.startsWith('@') ? wire.indexOf(' ') + 1 : 0;
        check(wire.size() - tagBytes <= Limits::MaxLineBytes);
        const QByteArray body = wire.chopped(2);
        check(!body.contains('\r') && !body.contains('\n') && !body.contains('\0'));
        check(IrcMessage::parse(body).has_value());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the read size (1..256); small limits exercise the TooLong path.
    const size_t step = size_t(data[0]) + 1;
    const bool smallLimits = data[0] & 1;
    IrcLineFramer framer(smallLimits ? 64 : Limits::MaxLineBytes,
                         smallLimits ? 128 : Limits::MaxTagBytes);
    const auto* bytes = reinterpret_cast<const char*>(data + 1);
    const size_t length = size - 1;

    for (size_t pos = 0; pos < length; pos += step) {
        const size_t n = std::min(step, length - pos);
        for (const IrcLineFramer::Frame& frame : framer.feed(QByteArrayView(bytes + pos, n))) {
            check(frame.line.size() <= framer.maxLineBytes() + framer.maxTagBytes());
            if (!frame.isLine())
                continue;
            check(!frame.line.contains('\r') && !frame.line.contains('\n'));
            if (const std::optional<IrcMessage> message = IrcMessage::parse(frame.line))
                checkMessage(*message);
        }
        check(framer.bufferedBytes() <= framer.maxLineBytes() + framer.maxTagBytes());
    }

    // The whole input as one line, too: the parser alone.
    if (const std::optional<IrcMessage> message = IrcMessage::parse(QByteArrayView(bytes, length)))
        checkMessage(*message);
    return 0;
}
