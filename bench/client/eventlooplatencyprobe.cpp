#include "eventlooplatencyprobe.h"

#include <algorithm>

EventLoopLatencyProbe::EventLoopLatencyProbe(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::onTick);
}

void EventLoopLatencyProbe::start()
{
    m_lateness = LatencyHistogram();
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void EventLoopLatencyProbe::stop()
{
    m_timer.stop();
}

void EventLoopLatencyProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed() / 1000;
    m_lateness.record(uint64_t(std::max<qint64>(0, now - m_last - IntervalMs * 1000)));
    m_last = now;
}

double EventLoopLatencyProbe::quantileMs(double q) const
{
    return double(m_lateness.percentileMicros(q)) / 1000.0;
}

double EventLoopLatencyProbe::maxMs() const
{
    return double(m_lateness.maxMicros()) / 1000.0;
}
