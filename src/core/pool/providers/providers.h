#pragma once

#include "pool/poolprovider.h"

namespace rw {

// The pools beside f2pool, one file each in pool/providers/ (docs/pool-apis.md has their APIs).
const PoolFormat &braiinsFormat();
const PoolFormat &binanceFormat();
const PoolFormat &luxorFormat();
const PoolFormat &viaBtcFormat();
const PoolFormat &antPoolFormat();

} // namespace rw
