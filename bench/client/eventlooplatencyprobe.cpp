#include "eventlooplatencyprobe.h"

#include <algorithm>
#include <cmath>

EventLoopLatencyProbe::EventLoopLatencyProbe(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::onTick);
}

void EventLoopLatencyProbe::start()
{
    m_latenessUs.clear();
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
    m_latenessUs.push_back(std::max<qint64>(0, now - m_last - IntervalMs * 1000));
    m_last = now;
}

double EventLoopLatencyProbe::quantileMs(double q) const
{
    if (m_latenessUs.empty())
        return 0;
    std::vector<qint64> sorted = m_latenessUs;
    std::sort(sorted.begin(), sorted.end());
    const auto at = std::min(sorted.size() - 1, size_t(std::ceil(q * double(sorted.size())) - 1));
    return double(sorted[at]) / 1000.0;
}

double EventLoopLatencyProbe::maxMs() const
{
    return m_latenessUs.empty()
               ? 0
               : double(*std::max_element(m_latenessUs.begin(), m_latenessUs.end())) / 1000.0;
}
