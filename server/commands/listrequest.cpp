#include "commands/listrequest.h"

#include "irccasemapping.h"
#include "ircmask.h"

ListRequest::ListRequest(const QString& param, const IrcCaseMapping& caseMapping)
    : m_caseMapping(caseMapping)
{
    for (const QString& item : param.split(u',', Qt::SkipEmptyParts)) {
        const QChar first = item.at(0);
        if (first == u'>' || first == u'<') {
            bool ok = false;
            const int count = item.mid(1).toInt(&ok);
            if (!ok || count < 0)
                continue; // not a condition this server knows: ignored
            if (first == u'>')
                m_moreThan = qMax(m_moreThan, count);
            else
                m_fewerThan = m_fewerThan < 0 ? count : qMin(m_fewerThan, count);
        } else if (first == u'!') {
            m_notMasks.append(caseMapping.fold(item.mid(1)));
        } else if (item.contains(u'*') || item.contains(u'?')) {
            m_masks.append(caseMapping.fold(item));
        } else {
            m_names.append(item);
        }
    }
}

bool ListRequest::matches(const QString& channel, int members) const
{
    if (members <= m_moreThan)
        return false;
    if (m_fewerThan >= 0 && members >= m_fewerThan)
        return false;
    if (m_masks.isEmpty() && m_notMasks.isEmpty())
        return true;
    const QString folded = m_caseMapping.fold(channel);
    for (const QString& mask : m_notMasks) {
        if (IrcMask::matches(mask, folded))
            return false;
    }
    if (m_masks.isEmpty())
        return true;
    for (const QString& mask : m_masks) {
        if (IrcMask::matches(mask, folded))
            return true;
    }
    return false;
}
